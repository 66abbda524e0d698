import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_POSTGRES, adminAuth, createProcessDatabase, needsPostgres, startApi } from './support/server-process.js';

if (needsPostgres) console.info(`shutdown.test.ts skipped: ${NEEDS_POSTGRES}`);

/** A GET on a kept-alive connection: its status, or the network error that ended it. */
function get(baseUrl: string, path: string, headers: Record<string, string>, agent: Agent): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(`${baseUrl}${path}`, { headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

describe.skipIf(needsPostgres)('SIGTERM', () => {
  let database: Awaited<ReturnType<typeof createProcessDatabase>>;
  beforeAll(async () => {
    database = await createProcessDatabase();
  });
  afterAll(() => database.drop());

  it('answers or cleanly refuses every request sent just before the signal; none is reset', async () => {
    const api = await startApi({ databaseUrl: database.url, env: { SHUTDOWN_DRAIN_MS: '1500' } });
    const auth = await adminAuth(api.baseUrl);
    // Kept-alive connections, warmed up: the case where a closing server resets what is on its way.
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    await Promise.all(Array.from({ length: 20 }, () => get(api.baseUrl, '/api/v1/offices', auth, agent)));

    const outcomes: Promise<number | string>[] = [];
    for (let i = 0; i < 100; i += 1) {
      outcomes.push(get(api.baseUrl, '/api/v1/offices', auth, agent));
      if (i === 60) api.child.kill('SIGTERM');
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const results = await Promise.all(outcomes);
    await api.exited;
    agent.destroy();

    expect(results.filter((result) => result === 'ECONNRESET' || result === 'EPIPE' || result === 'socket hang up')).toEqual([]);
    for (const result of results) expect([200, 503, 'ECONNREFUSED']).toContain(result);
    expect(api.child.exitCode).toBe(0);
  });
  it('writes the start-up lines at once and every request line before it exits (log lines are batched)', async () => {
    const api = await startApi({ databaseUrl: database.url, env: { LOG_LEVEL: 'info', SHUTDOWN_DRAIN_MS: '0' } });
    // Well within the batch's one-second timer: the start-up lines are flushed when the server listens.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.output()).toContain('ALIS registry on http://127.0.0.1');
    const auth = await adminAuth(api.baseUrl);
    const agent = new Agent({ keepAlive: true, maxSockets: 5 });
    const ids = Array.from({ length: 12 }, (_, i) => `flush-test-${i}`);
    for (const id of ids) expect(await get(api.baseUrl, '/api/v1/offices', { ...auth, 'x-request-id': id }, agent)).toBe(200);
    // Signalled at once: the last lines are still in the batch, which shutdown writes.
    api.child.kill('SIGTERM');
    await api.exited;
    agent.destroy();
    const logged = api
      .output()
      .split('\n')
      .filter((line) => line.includes('"request completed"'))
      .map((line) => (JSON.parse(line) as { reqId: string }).reqId);
    expect(logged).toEqual(expect.arrayContaining(ids));
    expect(api.child.exitCode).toBe(0);
  });
});
