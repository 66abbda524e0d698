import { randomUUID } from 'node:crypto';
import * as contract from '@alis/shared';
import type { AuditEntry, Page } from '@alis/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/db/schema.js';
import { admin, directorate, directorateClient, nordOffice, t, useCast } from './support/cast.js';
import { bodyOf, etagOf } from './support/expect.js';
import { auditTrail, createClient, createUser, expectProblem, http, type TestUser } from './support/factories.js';

useCast();

const audit = (query: Record<string, string | number>, user: TestUser = admin) => auditTrail(t, user, { limit: 200, ...query });

const entriesFor = (kommunenummer: string) => audit({ entityType: 'municipality', entityId: kommunenummer });

/** Audit rows written straight to the table, at chosen times, under an entity type of their own. */
async function insertEntries(entityType: string, times: string[]): Promise<void> {
  for (const [i, time] of times.entries()) {
    await t.database.db.insert(auditLog).values({
      occurredAt: new Date(time),
      actorType: 'system',
      action: 'probe.recorded',
      entityType,
      entityId: `e${i}`,
    });
  }
}

describe('writing the audit log', () => {
  it('records a change with who made it and the request id of the change', async () => {
    const response = await http(t)
      .patch('/api/v1/municipalities/1804')
      .set(admin.auth)
      .set('x-request-id', 'audit-test:patch-1804')
      .send({ population: 53_000 })
      .expect(200);
    expect(response.headers['x-request-id']).toBe('audit-test:patch-1804');

    const [entry, ...rest] = await entriesFor('1804');
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      actorType: 'user',
      actorId: admin.id,
      actorRole: 'admin',
      requestId: 'audit-test:patch-1804',
      action: 'municipality.updated',
      entityType: 'municipality',
      entityId: '1804',
      before: { population: null },
      after: { population: 53_000 },
    });
    expect(entry?.id).toMatch(/^\d+$/);
    expect(Date.now() - Date.parse(entry?.occurredAt ?? '')).toBeLessThan(60_000);
  });

  it('keeps the generated request id when the caller sent none', async () => {
    const response = await http(t).patch('/api/v1/municipalities/1806').set(admin.auth).send({ notes: 'Ny merknad' }).expect(200);
    const [entry] = await entriesFor('1806');
    expect(entry?.requestId).toBe(response.headers['x-request-id']);
  });

  it('records a machine client as the actor', async () => {
    const client = await createClient(t, admin, { kommunenummer: '1811' });
    await http(t).patch('/api/v1/municipalities/1811').set(client.auth).send({ contactName: 'Ola HR' }).expect(200);
    const [entry] = await entriesFor('1811');
    expect(entry).toMatchObject({ actorType: 'client', actorId: client.clientId, actorRole: 'municipality', after: { contactName: 'Ola HR' } });
  });

  it('writes nothing for a change that is refused', async () => {
    const current = await http(t).get('/api/v1/municipalities/1812').set(admin.auth).expect(200);
    await http(t).patch('/api/v1/municipalities/1812').set(admin.auth).set('if-match', etagOf(current)).send({ population: 1 }).expect(200);
    expect(await entriesFor('1812')).toHaveLength(1);

    expectProblem(
      await http(t).patch('/api/v1/municipalities/1812').set(admin.auth).set('if-match', etagOf(current)).send({ population: 2 }),
      412,
      'precondition_failed',
    );
    expectProblem(await http(t).patch('/api/v1/municipalities/1812').set(admin.auth).send({ population: -2 }), 400, 'validation_failed');
    expectProblem(await http(t).patch('/api/v1/municipalities/1812').set(nordOffice.auth).send({ officeCode: 'midt' }), 403, 'forbidden');
    expect(await entriesFor('1812')).toHaveLength(1);
  });

  it('writes nothing for a change that changes nothing', async () => {
    await http(t).patch('/api/v1/municipalities/1813').set(admin.auth).send({ population: null }).expect(200);
    expect(await entriesFor('1813')).toEqual([]);
  });

  it('commits the change and its audit row together, or neither', async () => {
    const { db } = t.database;
    // Make writing the audit row for 1815 fail, after the change itself has been made.
    await db.execute(sql`
      create function audit_probe_fail() returns trigger language plpgsql as $$
      begin raise exception 'audit write failed'; end $$`);
    await db.execute(sql`
      create trigger audit_probe_fail before insert on audit_log
      for each row when (new.entity_id = '1815') execute function audit_probe_fail()`);
    try {
      const before = await http(t).get('/api/v1/municipalities/1815').set(admin.auth).expect(200);
      const failed = await http(t).patch('/api/v1/municipalities/1815').set(admin.auth).send({ population: 4_000 });
      expectProblem(failed, 500, 'internal_error');
      const after = await http(t).get('/api/v1/municipalities/1815').set(admin.auth).expect(200);
      expect(bodyOf(after, contract.municipality)).toEqual(bodyOf(before, contract.municipality));
      expect(after.headers.etag).toBe(before.headers.etag);
    } finally {
      await db.execute(sql`drop trigger audit_probe_fail on audit_log`);
      await db.execute(sql`drop function audit_probe_fail()`);
    }
    await http(t).patch('/api/v1/municipalities/1815').set(admin.auth).send({ population: 4_000 }).expect(200);
    expect(await entriesFor('1815')).toHaveLength(1);
  });

  it('keeps no secrets in the log', async () => {
    const created = await http(t)
      .post('/api/v1/users')
      .set(admin.auth)
      .send({ email: `audit-${randomUUID().slice(0, 8)}@example.no`, name: 'Audit', role: 'directorate', password: 'a long enough password' })
      .expect(201);
    const client = await http(t).post('/api/v1/api-clients').set(admin.auth).send({ name: 'Audit client', role: 'directorate' }).expect(201);
    const createdClient = bodyOf(client, contract.createdApiClient);
    const [userEntry] = await audit({ entityType: 'user', entityId: bodyOf(created, contract.user).id });
    const [clientEntry] = await audit({ entityType: 'api_client', entityId: createdClient.id });
    expect(userEntry?.action).toBe('user.created');
    expect(clientEntry?.action).toBe('api_client.created');
    const text = JSON.stringify([userEntry, clientEntry]);
    expect(text).not.toMatch(/password|secret|hash|argon2/i);
    expect(text).not.toContain(createdClient.clientSecret);
  });
});

describe('the audit log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE even from the database owner', async () => {
    await insertEntries('immutable-probe', ['2021-06-01T00:00:00Z']);
    const { db } = t.database;
    await expect(db.execute(sql`update audit_log set action = 'tampered' where entity_type = 'immutable-probe'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log where entity_type = 'immutable-probe'`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    await expect(db.update(auditLog).set({ before: { forged: true } })).rejects.toThrow();
    const [entry] = await audit({ entityType: 'immutable-probe' });
    expect(entry).toMatchObject({ action: 'probe.recorded', before: null });
  });
});

describe('GET /api/v1/audit', () => {
  beforeAll(async () => {
    await insertEntries('time-probe', [
      '2020-01-01T00:00:00Z',
      '2020-01-01T23:59:59.999Z',
      '2020-01-02T00:00:00Z',
      '2020-01-03T12:00:00Z',
    ]);
  });

  const timeProbe = async (query: Record<string, string>) =>
    (await audit({ entityType: 'time-probe', ...query })).map((entry) => entry.occurredAt);

  it('lists newest first', async () => {
    expect(await timeProbe({})).toEqual([
      '2020-01-03T12:00:00.000Z',
      '2020-01-02T00:00:00.000Z',
      '2020-01-01T23:59:59.999Z',
      '2020-01-01T00:00:00.000Z',
    ]);
  });

  it('takes dates as whole UTC days, from inclusive and to exclusive', async () => {
    expect(await timeProbe({ from: '2020-01-01', to: '2020-01-02' })).toEqual(['2020-01-01T23:59:59.999Z', '2020-01-01T00:00:00.000Z']);
    expect(await timeProbe({ from: '2020-01-02' })).toEqual(['2020-01-03T12:00:00.000Z', '2020-01-02T00:00:00.000Z']);
    expect(await timeProbe({ to: '2020-01-01' })).toEqual([]);
  });

  it('takes timestamps, with Z or an offset, from inclusive and to exclusive', async () => {
    expect(await timeProbe({ from: '2020-01-01T23:59:59.999Z', to: '2020-01-02T00:00:00Z' })).toEqual(['2020-01-01T23:59:59.999Z']);
    expect(await timeProbe({ from: '2020-01-02T01:00:00+01:00' })).toEqual(['2020-01-03T12:00:00.000Z', '2020-01-02T00:00:00.000Z']);
    expect(await timeProbe({ to: '2020-01-03T12:00:00Z' })).toHaveLength(3);
    expect(await timeProbe({ to: '2020-01-03T12:00:00.001Z' })).toHaveLength(4);
  });

  it('rejects to before or equal to from, and malformed bounds', async () => {
    const backwards = expectProblem(
      await http(t).get('/api/v1/audit').query({ from: '2020-01-02', to: '2020-01-01' }).set(admin.auth),
      400,
      'validation_failed',
    );
    expect(backwards.errors).toEqual([{ path: 'to', code: 'too_early', message: 'must be after from', params: { earliest: '2020-01-02', reference: 'from' } }]);
    expectProblem(await http(t).get('/api/v1/audit').query({ from: '2020-01-02', to: '2020-01-02T00:00:00Z' }).set(admin.auth), 400, 'validation_failed');
    for (const bad of ['2020-02-30', '02.01.2020', '2020-01-02T00:00:00', 'now']) {
      expectProblem(await http(t).get('/api/v1/audit').query({ from: bad }).set(admin.auth), 400, 'validation_failed');
    }
  });

  it('filters by entity type, entity id and actor', async () => {
    const other = await createUser(t);
    await http(t).patch('/api/v1/municipalities/1816').set(admin.auth).send({ population: 400 }).expect(200);
    await http(t).patch('/api/v1/municipalities/1816').set(other.auth).send({ population: 410 }).expect(200);
    await http(t).patch('/api/v1/municipalities/1818').set(other.auth).send({ population: 1_700 }).expect(200);

    const byOther = await audit({ actorId: other.id });
    expect(byOther.map((e) => e.entityId)).toEqual(['1818', '1816']);
    expect(byOther.every((e) => e.actorId === other.id)).toBe(true);

    const byOtherOn1816 = await audit({ actorId: other.id, entityType: 'municipality', entityId: '1816' });
    expect(byOtherOn1816.map((e) => e.after)).toEqual([{ population: 410 }]);

    const all1816 = await entriesFor('1816');
    expect(all1816.map((e) => e.actorId)).toEqual([other.id, admin.id]);

    expect(await audit({ entityType: 'municipality', entityId: '1816', actorId: randomUUID() })).toEqual([]);
    expect(await audit({ entityType: 'no-such-type' })).toEqual([]);
    expect((await audit({ entityType: 'municipality' })).every((e) => e.entityType === 'municipality')).toBe(true);
  });

  it('pages with an opaque cursor, without gaps or repeats', async () => {
    await insertEntries('page-probe', ['2022-01-01T00:00:00Z', '2022-01-02T00:00:00Z', '2022-01-03T00:00:00Z', '2022-01-04T00:00:00Z', '2022-01-05T00:00:00Z']);
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const response = await http(t)
        .get('/api/v1/audit')
        .query({ entityType: 'page-probe', limit: 2, ...(cursor ? { cursor } : {}) })
        .set(admin.auth)
        .expect(200);
      const page: Page<AuditEntry> = bodyOf(response, contract.pageOf(contract.auditEntry));
      pages.push(page.items.map((e) => e.entityId));
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages).toEqual([['e4', 'e3'], ['e2', 'e1'], ['e0']]);
  });

  it('rejects a cursor it did not issue and unknown parameters', async () => {
    expectProblem(await http(t).get('/api/v1/audit').query({ cursor: 'bm9wZQ' }).set(admin.auth), 400, 'invalid_cursor');
    const forged = Buffer.from(JSON.stringify({ id: "1; drop table audit_log" })).toString('base64url');
    expectProblem(await http(t).get('/api/v1/audit').query({ cursor: forged }).set(admin.auth), 400, 'invalid_cursor');
    // Nineteen digits, but past the largest id the database can hold.
    const outOfRange = Buffer.from(JSON.stringify({ id: '9999999999999999999' })).toString('base64url');
    expectProblem(await http(t).get('/api/v1/audit').query({ cursor: outOfRange }).set(admin.auth), 400, 'invalid_cursor');
    const largest = Buffer.from(JSON.stringify({ id: '9223372036854775807' })).toString('base64url');
    await http(t).get('/api/v1/audit').query({ cursor: largest }).set(admin.auth).expect(200);
    expectProblem(await http(t).get('/api/v1/audit').query({ entity: 'user' }).set(admin.auth), 400, 'validation_failed');
    expectProblem(await http(t).get('/api/v1/audit').query({ entityId: 'a\u0000b' }).set(admin.auth), 400, 'bad_request');
  });

  it('is for admins only', async () => {
    expectProblem(await http(t).get('/api/v1/audit'), 401, 'unauthorized');
    for (const caller of [nordOffice, directorate, directorateClient]) {
      expectProblem(await http(t).get('/api/v1/audit').set(caller.auth), 403, 'forbidden');
    }
  });
});
