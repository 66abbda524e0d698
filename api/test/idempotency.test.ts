import { randomUUID } from 'node:crypto';
import * as contract from '@alis/shared';
import type { ApiClient } from '@alis/shared';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { admin, t, useCast } from './support/cast.js';
import { bodyOf, first } from './support/expect.js';
import { createUser, expectProblem, http, type TestUser } from './support/factories.js';
import { queryRows } from './support/sql.js';

useCast();

/** The id and the secret of the client a response created. */
const createdOf = (response: { body: unknown }) => bodyOf(response, contract.createdApiClient);

/** A body for POST /api-clients with a name no other test uses, so clients can be counted by name. */
const clientBody = () => ({ name: `Idempotency ${randomUUID()}`, role: 'directorate' as const });

const createClient = (user: TestUser, body: object, key?: string) => {
  const request = http(t).post('/api/v1/api-clients').set(user.auth);
  if (key !== undefined) void request.set('idempotency-key', key);
  return request.send(body);
};

async function clientsNamed(name: string): Promise<ApiClient[]> {
  const response = await http(t).get('/api/v1/api-clients').query({ limit: 200 }).set(admin.auth).expect(200);
  return bodyOf(response, contract.pageOf(contract.apiClient)).items.filter((client) => client.name === name);
}

/** Pretends the request that claimed `key` is still running, started `startedSecondsAgo` ago. */
async function markInFlight(user: TestUser, key: string, startedSecondsAgo = 0) {
  const claimed = await queryRows<{ key: string }>(
    t.database,
    sql`
      update idempotency_keys
         set state = 'in_flight', response_status = null, response_headers = null, response_body = null,
             created_at = now() - make_interval(secs => ${startedSecondsAgo})
       where caller_key = ${`user:${user.id}`} and key = ${key}
      returning key`,
  );
  expect(claimed).toHaveLength(1);
}

describe('Idempotency-Key on POST', () => {
  it('replays the first response to a retry with the same key and body', async () => {
    const body = clientBody();
    const key = randomUUID();
    const first = await createClient(admin, body, key).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const retry = await createClient(admin, body, key).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    // The secret is random per creation: an identical body proves nothing ran a second time.
    expect(retry.body).toEqual(first.body);
    expect(retry.text).toBe(first.text);
    expect(retry.headers['content-type']).toBe(first.headers['content-type']);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers['cache-control']).toBe('no-store');
    // The replay is a new request with its own id.
    expect(retry.headers['x-request-id']).not.toBe(first.headers['x-request-id']);

    const again = await createClient(admin, body, key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await clientsNamed(body.name)).toHaveLength(1);
  });

  it('keeps the stored response encrypted, so a client secret is never stored in plain text', async () => {
    const key = randomUUID();
    const created = await createClient(admin, clientBody(), key).expect(201);
    const stored = first(
      await queryRows<{ response_body: string }>(
        t.database,
        sql`select response_body from idempotency_keys where caller_key = ${`user:${admin.id}`} and key = ${key}`,
      ),
      'the stored response',
    );
    expect(stored.response_body).not.toContain(createdOf(created).clientSecret);
    expect(stored.response_body).not.toContain('clientSecret');
  });

  it('treats a body with the same fields in another order as the same request', async () => {
    const body = clientBody();
    const key = randomUUID();
    const first = await createClient(admin, body, key).expect(201);
    const retry = await createClient(admin, { role: body.role, name: body.name }, key).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
  });

  it('answers 422 to the same key with another body, and changes nothing', async () => {
    const body = clientBody();
    const key = randomUUID();
    await createClient(admin, body, key).expect(201);
    const other = { ...body, name: `${body.name} (2)` };
    const problem = expectProblem(await createClient(admin, other, key), 422, 'idempotency_key_reused');
    expect(problem.detail).toMatch(/different request/);
    expect(await clientsNamed(other.name)).toHaveLength(0);
  });

  it('answers 422 to the same key on another endpoint', async () => {
    const key = randomUUID();
    await createClient(admin, clientBody(), key).expect(201);
    const response = await http(t)
      .post('/api/v1/users')
      .set(admin.auth)
      .set('idempotency-key', key)
      .send({ email: `${randomUUID()}@example.no`, name: 'X', role: 'directorate', password: 'a long enough password' });
    expectProblem(response, 422, 'idempotency_key_reused');
  });

  it('answers 409 with Retry-After while the first request is still running', async () => {
    const body = clientBody();
    const key = randomUUID();
    await createClient(admin, body, key).expect(201);
    await markInFlight(admin, key);

    const response = await createClient(admin, body, key);
    expectProblem(response, 409, 'idempotency_in_flight');
    expect(response.headers['retry-after']).toBe('1');
    expect(await clientsNamed(body.name)).toHaveLength(1);
  });

  it('lets a retry take over a request that died long ago', async () => {
    const body = clientBody();
    const key = randomUUID();
    const first = await createClient(admin, body, key).expect(201);
    await markInFlight(admin, key, 600);

    const retry = await createClient(admin, body, key).expect(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(createdOf(retry).id).not.toBe(createdOf(first).id);
    const replay = await createClient(admin, body, key).expect(201);
    expect(replay.body).toEqual(retry.body);
  });

  it('keeps keys per caller', async () => {
    const otherAdmin = await createUser(t);
    const body = clientBody();
    const key = randomUUID();
    const mine = await createClient(admin, body, key).expect(201);
    const theirs = await createClient(otherAdmin, body, key).expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(createdOf(theirs).id).not.toBe(createdOf(mine).id);
    expect(await clientsNamed(body.name)).toHaveLength(2);
  });

  it('keeps a key at least 24 hours', async () => {
    const body = clientBody();
    const key = randomUUID();
    await createClient(admin, body, key).expect(201);
    const rows = await queryRows<{ seconds: string | number }>(
      t.database,
      sql`select extract(epoch from expires_at - created_at) as seconds from idempotency_keys
           where caller_key = ${`user:${admin.id}`} and key = ${key}`,
    );
    expect(Number(rows[0]?.seconds)).toBeGreaterThanOrEqual(24 * 3600 - 5);
  });

  it('runs a request again once its key has expired', async () => {
    const body = clientBody();
    const key = randomUUID();
    const first = await createClient(admin, body, key).expect(201);
    await t.database.db.execute(sql`
      update idempotency_keys set expires_at = now() - interval '1 second'
       where caller_key = ${`user:${admin.id}`} and key = ${key}`);

    const second = await createClient(admin, body, key).expect(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(createdOf(second).clientSecret).not.toBe(createdOf(first).clientSecret);
    expect(await clientsNamed(body.name)).toHaveLength(2);
    // And the new run is what a retry now gets.
    expect((await createClient(admin, body, key).expect(201)).body).toEqual(second.body);
  });

  it('replays a 4xx answer as it was', async () => {
    const body = { name: `Idempotency ${randomUUID()}`, role: 'municipality', kommunenummer: '9999' };
    const key = randomUUID();
    const first = await createClient(admin, body, key);
    const problem = expectProblem(first, 400, 'validation_failed');
    expect(problem.errors).toEqual([
      {
        path: 'kommunenummer',
        code: 'unknown_reference',
        message: 'no municipality has the number 9999',
        params: { entity: 'municipality', value: '9999' },
      },
    ]);

    const retry = await createClient(admin, body, key);
    expect(retry.status).toBe(400);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(retry.body).toEqual(first.body);
  });

  it('rejects a malformed key with 400 and runs nothing', async () => {
    const body = clientBody();
    for (const key of ['k'.repeat(256), 'has a space', '']) {
      const problem = expectProblem(await createClient(admin, body, key), 400, 'bad_request');
      expect(problem.detail, key).toContain('Idempotency-Key');
    }
    expect(await clientsNamed(body.name)).toHaveLength(0);
    expectProblem(await createClient(admin, body, 'x'.repeat(300)), 400, 'bad_request');
  });

  it('accepts a key of 255 visible characters', async () => {
    const key = `${'~!'.repeat(127)}z`;
    expect(key).toHaveLength(255);
    await createClient(admin, clientBody(), key).expect(201);
  });

  it('does not apply without the header: each POST runs', async () => {
    const body = clientBody();
    const first = await createClient(admin, body).expect(201);
    const second = await createClient(admin, body).expect(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(createdOf(second).id).not.toBe(createdOf(first).id);
    expect(await clientsNamed(body.name)).toHaveLength(2);
  });

  it('ignores the header on other methods', async () => {
    await http(t).get('/api/v1/api-clients').set(admin.auth).set('idempotency-key', 'has a space').expect(200);
  });

  it('lets exactly one of two concurrent first requests run', async () => {
    const body = clientBody();
    const key = randomUUID();
    const [a, b] = await Promise.all([createClient(admin, body, key), createClient(admin, body, key)]);
    const [winner, other] = a.headers['idempotent-replayed'] || a.status === 409 ? [b, a] : [a, b];
    expect(winner.status).toBe(201);
    expect(winner.headers['idempotent-replayed']).toBeUndefined();
    if (other.status === 409) {
      expectProblem(other, 409, 'idempotency_in_flight');
    } else {
      expect(other.status).toBe(201);
      expect(other.headers['idempotent-replayed']).toBe('true');
      expect(other.body).toEqual(winner.body);
    }
    expect(await clientsNamed(body.name)).toHaveLength(1);
  });
});
