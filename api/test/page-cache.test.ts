import * as contract from '@alis/shared';
import { pageOf } from '@alis/shared';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scopedPageKey } from '../src/lib/page-cache.js';
import type { Principal } from '../src/lib/principal.js';
import { buildTestApp } from './support/build-app.js';
import { admin, bodoClient, heroyClient, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf, etagOf } from './support/expect.js';
import { type Caller, createClient, createUser, expectProblem, http } from './support/factories.js';
import { APPLICATIONS, createApplication, createScheme } from './support/grants.js';
import { freshHprNumber, insertAgreement, insertDoctor } from './support/rows.js';

/**
 * The pages of the agreements, doctors, supervisors, municipalities and grant applications lists are kept while the data
 * version holds (issue 9: a page asked again costs one read of the version): what the cache may never
 * do is serve a page that a change made stale, or one of another scope, or skip what a request must do.
 */
useCast({ LOOKUP_RATE_LIMIT_PER_MINUTE: '3' });

const doctors = pageOf(contract.doctor);
const applications = pageOf(contract.grantApplication);
const list = (path: string, caller: Caller, query: Record<string, string> = {}) => http(t).get(path).query(query).set(caller.auth);

describe('kept pages', () => {
  it('answer 304 to their ETag until the data changes, through the API or in the database', async () => {
    const first = await list('/api/v1/agreements', nordOffice, { kommunenummer: '1804' }).expect(200);
    const etag = etagOf(first);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    await list('/api/v1/agreements', nordOffice, { kommunenummer: '1804' }).set('if-none-match', etag).expect(304);

    // A row written straight to the table bumps the data version at its commit, as every change does.
    const doctor = await insertDoctor(t, { name: 'Kari Bufret' });
    const agreement = await insertAgreement(t, { doctorId: doctor.id, kommunenummer: '1804' });
    const changed = await list('/api/v1/agreements', nordOffice, { kommunenummer: '1804' }).set('if-none-match', etag).expect(200);
    expect(etagOf(changed)).not.toBe(etag);
    expect(bodyOf(changed, pageOf(contract.agreement)).items.map((item) => item.id)).toContain(agreement.id);

    // A change through the API: the doctor's new name is on the next page at once.
    const before = await list('/api/v1/doctors', nordOffice, { q: 'Bufret' }).expect(200);
    expect(bodyOf(before, doctors).items.map((item) => item.name)).toEqual(['Kari Bufret']);
    const read = await http(t).get(`/api/v1/doctors/${doctor.id}`).set(nordOffice.auth).expect(200);
    await http(t).patch(`/api/v1/doctors/${doctor.id}`).set(nordOffice.auth).set('if-match', etagOf(read)).send({ name: 'Kari Bufret-Endret' }).expect(200);
    const after = await list('/api/v1/doctors', nordOffice, { q: 'Bufret' }).set('if-none-match', etagOf(before)).expect(200);
    expect(bodyOf(after, doctors).items.map((item) => item.name)).toEqual(['Kari Bufret-Endret']);
  });

  it('are kept per scope and query, with the query as parsed', async () => {
    const doctor = await insertDoctor(t, { name: 'Nils Nordpå' });
    await insertAgreement(t, { doctorId: doctor.id, kommunenummer: '1818' });
    const namesOf = async (caller: Caller) => bodyOf(await list('/api/v1/doctors', caller, { q: 'Nordpå' }).expect(200), doctors).items.map((item) => item.name);
    // The office's page is kept first; another office, asking the same, gets its own (without the doctor).
    expect(await namesOf(nordOffice)).toEqual(['Nils Nordpå']);
    expect(await namesOf(osloOffice)).toEqual([]);
    expect(await namesOf(heroyClient)).toEqual(['Nils Nordpå']);
    const byOffice = await list('/api/v1/doctors', nordOffice, { q: 'Nordpå' }).expect(200);
    expect(etagOf(await list('/api/v1/doctors', osloOffice, { q: 'Nordpå' }).expect(200))).not.toBe(etagOf(byOffice));
    // Another query is another page; the default limit spelt out is the same one.
    expect(etagOf(await list('/api/v1/doctors', nordOffice, { q: 'Nordpå', limit: '10' }).expect(200))).not.toBe(etagOf(byOffice));
    const limit = String(contract.listDoctorsQuery.parse({}).limit);
    expect(etagOf(await list('/api/v1/doctors', nordOffice, { q: 'Nordpå', limit }).expect(200))).toBe(etagOf(byOffice));
  });

  it('never hold a look-up by HPR number: each counts against the caller\'s limit', async () => {
    // One caller each: the limit counts a caller's look-ups of both.
    for (const [path, caller] of [['/api/v1/doctors', osloOffice], ['/api/v1/supervisors', nordOffice]] as const) {
      const hprNumber = freshHprNumber();
      const statuses: number[] = [];
      // Three a minute: the same look-up answered from a cache would never be refused. A minute turning
      // between them (a slow machine) lets a second batch through, never more.
      for (let attempt = 0; attempt < 7 && !statuses.includes(429); attempt += 1) {
        const response = await list(path, caller, { hprNumber });
        statuses.push(response.status);
        if (response.status === 200) expect(response.headers.etag).toBeUndefined();
        else expectProblem(response, 429, 'rate_limited');
      }
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(3);
      expect(statuses).toContain(429);
    }
  });

  it('keep grant applications per what the caller\'s token may do with them', async () => {
    const scheme = await createScheme(t, admin);
    const doctor = await insertDoctor(t);
    const line = { doctorId: doctor.id, lineType: 'guidance_only', positionPercent: 50, months: 6 } as const;
    await createApplication(t, heroyClient, { kommunenummer: '1818', schemeCode: scheme.code, lines: [line] });
    // The same municipality and role, but a token that may only read: no move is open to it.
    const readOnly = await createClient(t, admin, { kommunenummer: '1818', scope: 'read' });
    const transitionsOf = async (caller: Caller) =>
      bodyOf(await list(APPLICATIONS, caller, { schemeCode: scheme.code }).expect(200), applications).items.map((item) => item.allowedTransitions);
    expect(await transitionsOf(heroyClient)).toEqual([['submitted', 'withdrawn']]);
    expect(await transitionsOf(readOnly)).toEqual([[]]);
    expect(await transitionsOf(heroyClient)).toEqual([['submitted', 'withdrawn']]);

    const kept = await list(APPLICATIONS, heroyClient, { schemeCode: scheme.code }).expect(200);
    await list(APPLICATIONS, heroyClient, { schemeCode: scheme.code }).set('if-none-match', etagOf(kept)).expect(304);
    await createApplication(t, bodoClient, { kommunenummer: '1804', schemeCode: scheme.code, lines: [line] });
    await list(APPLICATIONS, heroyClient, { schemeCode: scheme.code }).set('if-none-match', etagOf(kept)).expect(200);
  });

  it('are not kept with PAGE_CACHE_MB=0: every page computed, without an ETag', async () => {
    const uncached = await buildTestApp({ PAGE_CACHE_MB: '0' });
    try {
      const caller = await createUser(uncached);
      const first = await http(uncached).get('/api/v1/municipalities').query({ q: 'Herøy' }).set(caller.auth).expect(200);
      expect(first.headers.etag).toBeUndefined();
      await uncached.database.db.execute(sql`update municipalities set name = 'Herøy (endret)' where kommunenummer = '1818'`);
      const second = await http(uncached).get('/api/v1/municipalities').query({ q: 'Herøy' }).set(caller.auth).expect(200);
      expect(bodyOf(second, pageOf(contract.municipality)).items.map((item) => item.name)).toContain('Herøy (endret)');
    } finally {
      await uncached.close();
    }
  });
});

describe('scopedPageKey', () => {
  afterEach(() => vi.useRealTimers());
  const office: Principal = { kind: 'user', id: 'u1', role: 'office', officeCode: 'nord', kommunenummer: null, scopes: ['read'] };

  it('holds the day in Norway: a page kept yesterday is not today\'s', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T22:59:00Z'));
    const evening = scopedPageKey(office, { limit: 50 });
    vi.setSystemTime(new Date('2026-12-01T23:01:00Z'));
    expect(scopedPageKey(office, { limit: 50 })).not.toEqual(evening);
    expect(evening).toEqual(['office', 'nord', null, { limit: 50 }, '2026-12-01']);
  });

  it('holds the scope, not who the caller is', () => {
    const colleague: Principal = { ...office, id: 'u2' };
    expect(scopedPageKey(colleague, {})).toEqual(scopedPageKey(office, {}));
    expect(scopedPageKey({ ...office, officeCode: 'oslo' }, {})).not.toEqual(scopedPageKey(office, {}));
  });
});
