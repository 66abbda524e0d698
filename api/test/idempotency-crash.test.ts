import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_POSTGRES, adminAuth, adminQuery, createProcessDatabase, freePort, needsPostgres, startApi } from './support/server-process.js';

if (needsPostgres) console.info(`idempotency-crash.test.ts skipped: ${NEEDS_POSTGRES}`);

const CRASH = new URL('./support/crash-on-commit.ts', import.meta.url).pathname;

describe.skipIf(needsPostgres)('Idempotency-Key across a crash of the API', () => {
  let database: Awaited<ReturnType<typeof createProcessDatabase>>;
  beforeAll(async () => {
    database = await createProcessDatabase();
  });
  afterAll(() => database.drop());

  /** Sends POST /doctors with a key to an API that dies around its commit; then retries on a fresh one. */
  async function crashThenRetry(when: 'before-commit' | 'after-commit', hprNumber: string) {
    const port = await freePort();
    const env = { ALIS_TEST_CRASH_MARKER: hprNumber, ALIS_TEST_CRASH_WHEN: when, IDEMPOTENCY_CLAIM_GRACE_SECONDS: '1' };
    const dying = await startApi({ databaseUrl: database.url, preload: CRASH, env, port });
    const auth = await adminAuth(dying.baseUrl);
    const send = (baseUrl: string) =>
      fetch(`${baseUrl}/api/v1/doctors`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `crash-${hprNumber}` },
        body: JSON.stringify({ hprNumber, name: 'Lege Etter Krasj' }),
      });
    await expect(send(dying.baseUrl)).rejects.toThrow();
    await dying.exited;
    expect(dying.child.signalCode).toBe('SIGKILL');

    const fresh = await startApi({ databaseUrl: database.url, env: { IDEMPOTENCY_CLAIM_GRACE_SECONDS: '1' }, port });
    try {
      // A claim left by a request that died before committing is taken over once older than the grace.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const retry = await send(fresh.baseUrl);
      const { rows } = await adminQuery('select id from doctors where hpr_number = $1', [hprNumber], database.url);
      return { retry, body: (await retry.json()) as { id: string }, rows };
    } finally {
      await fresh.stop();
    }
  }

  it('answers the retry with the stored response when the write committed before the crash', async () => {
    const { retry, body, rows } = await crashThenRetry('after-commit', '6200001');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(rows).toEqual([{ id: body.id }]);
  });

  it('runs the request again when the write did not commit', async () => {
    const { retry, body, rows } = await crashThenRetry('before-commit', '6200002');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(rows).toEqual([{ id: body.id }]);
  });
});
