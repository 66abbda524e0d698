import * as contract from '@alis/shared';
import type { Municipality, Page } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, directorate, nordOffice, t, useCast } from './support/cast.js';
import { bodyOf, etagOf } from './support/expect.js';
import { type Caller, auditTrail, expectProblem, http } from './support/factories.js';

useCast();

const municipalityPage = contract.pageOf(contract.municipality);
const list = async (query: Record<string, string | number>, caller: Caller = admin) =>
  bodyOf(await http(t).get('/api/v1/municipalities').query(query).set(caller.auth).expect(200), municipalityPage);
const get = async (kommunenummer: string) => {
  const response = await http(t).get(`/api/v1/municipalities/${kommunenummer}`).set(admin.auth).expect(200);
  return { municipality: bodyOf(response, contract.municipality), etag: etagOf(response) };
};

describe('GET /api/v1/municipalities', () => {
  it('pages through all 357 municipalities with an opaque cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Municipality> = await list({ limit: 200, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((m) => m.kommunenummer));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(357);
    expect(new Set(seen).size).toBe(357);
    expect(seen).toEqual([...seen].sort());
    expect(seen[0]).toBe('0301');
  });

  it('defaults to 50 per page', async () => {
    expect((await list({})).items).toHaveLength(50);
  });

  it('finds both Herøy with "heroy", ignoring case and accents', async () => {
    expect((await list({ q: 'HEROY' })).items.map((m) => m.kommunenummer)).toEqual(['1515', '1818']);
  });

  it('finds by number and by Sami parallel name', async () => {
    expect((await list({ q: '0301' })).items.map((m) => m.kommunenummer)).toEqual(['0301']);
    expect((await list({ q: 'guovdageaidnu' })).items.map((m) => m.kommunenummer)).toEqual(['5612']);
  });

  it('treats LIKE wildcards in q as text', async () => {
    expect((await list({ q: '%' })).items).toHaveLength(0);
  });

  it('filters by office, county and recruitment flag', async () => {
    expect((await list({ officeCode: 'oslo' })).items.map((m) => m.kommunenummer)).toEqual(['0301']);
    const finnmark = (await list({ countyNumber: '56', limit: 200 })).items;
    expect(finnmark.length).toBeGreaterThan(10);
    expect(finnmark.every((m) => m.kommunenummer.startsWith('56'))).toBe(true);

    await http(t).patch('/api/v1/municipalities/5636').set(admin.auth).send({ recruitmentChallenged: true }).expect(200);
    expect((await list({ recruitmentChallenged: 'true', countyNumber: '56' })).items.map((m) => m.kommunenummer)).toEqual(['5636']);
  });

  it('rejects bad query parameters with field errors', async () => {
    for (const query of [{ limit: '0' }, { limit: '201' }, { recruitmentChallenged: 'yes' }, { countyNumber: 'x' }, { unknownFilter: '1' }]) {
      const response = await http(t).get('/api/v1/municipalities').query(query).set(admin.auth);
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors.length).toBeGreaterThan(0);
    }
  });

  it('rejects a cursor it did not issue', async () => {
    const response = await http(t).get('/api/v1/municipalities').query({ cursor: 'bm9wZQ' }).set(admin.auth);
    expectProblem(response, 400, 'invalid_cursor');
  });

  it('requires a token', async () => {
    expectProblem(await http(t).get('/api/v1/municipalities'), 401, 'unauthorized');
  });
});

describe('office scope', () => {
  it('lists only the office\'s municipalities, whatever the filter asks', async () => {
    const { items } = await list({ limit: 200 }, nordOffice);
    expect(items.length).toBeGreaterThan(50);
    expect(items.every((m) => m.officeCode === 'nord')).toBe(true);
    expect((await list({ officeCode: 'oslo' }, nordOffice)).items).toEqual([]);
  });

  it('answers 404 for a municipality of another office, on read and on write', async () => {
    expectProblem(await http(t).get('/api/v1/municipalities/0301').set(nordOffice.auth), 404, 'not_found');
    expectProblem(
      await http(t).patch('/api/v1/municipalities/0301').set(nordOffice.auth).send({ population: 1 }),
      404,
      'not_found',
    );
  });

  it('may edit its own municipalities but not move them to another office', async () => {
    await http(t).patch('/api/v1/municipalities/1804').set(nordOffice.auth).send({ notes: 'Kontor i Bodø' }).expect(200);
    const moved = await http(t).patch('/api/v1/municipalities/1804').set(nordOffice.auth).send({ officeCode: 'midt' });
    expectProblem(moved, 403, 'forbidden');
  });

  it('follows a municipality an admin moves to it', async () => {
    expectProblem(await http(t).get('/api/v1/municipalities/5001').set(nordOffice.auth), 404, 'not_found');
    await http(t).patch('/api/v1/municipalities/5001').set(admin.auth).send({ officeCode: 'nord' }).expect(200);
    await http(t).get('/api/v1/municipalities/5001').set(nordOffice.auth).expect(200);
    await http(t).patch('/api/v1/municipalities/5001').set(admin.auth).send({ officeCode: 'midt' }).expect(200);
  });
});

describe('GET and PATCH /api/v1/municipalities/{kommunenummer}', () => {
  it('returns master data with an ETag', async () => {
    const response = await http(t).get('/api/v1/municipalities/1826').set(admin.auth).expect(200);
    expect(response.headers.etag).toMatch(/^"v\d+"$/);
    const municipality = bodyOf(response, contract.municipality);
    expect(municipality).toMatchObject({
      kommunenummer: '1826',
      name: 'Aarborte - Hattfjelldal',
      shortName: 'Hattfjelldal',
      countyNumber: '18',
      countyName: 'Nordland',
      officeCode: 'nord',
      validFrom: '2024-01-01',
      validTo: null,
    });
    expect(municipality).not.toHaveProperty('searchText');
  });

  it('answers 404 for an unknown number and 400 for a malformed one', async () => {
    expectProblem(await http(t).get('/api/v1/municipalities/9999').set(admin.auth), 404, 'not_found');
    expectProblem(await http(t).get('/api/v1/municipalities/abc').set(admin.auth), 400, 'validation_failed');
  });

  it('updates master data, bumps the ETag and audits before and after', async () => {
    const before = await get('1820');
    const response = await http(t)
      .patch('/api/v1/municipalities/1820')
      .set(admin.auth)
      .set('if-match', before.etag)
      .send({
        organisationNumber: '974 760 673',
        centralityClass: 6,
        population: 1700,
        contactName: 'Kari Nordmann',
        contactEmail: 'Kari@Alstahaug.Kommune.no',
        contactPhone: '+47 75 00 00 00',
      })
      .expect(200);
    expect(bodyOf(response, contract.municipality)).toMatchObject({
      organisationNumber: '974760673',
      centralityClass: 6,
      population: 1700,
      contactEmail: 'kari@alstahaug.kommune.no',
    });
    expect(response.headers.etag).not.toBe(before.etag);

    const [entry] = await auditTrail(t, admin, { entityType: 'municipality', entityId: '1820' });
    expect(entry).toMatchObject({
      action: 'municipality.updated',
      actorId: admin.id,
      before: { population: null, organisationNumber: null },
      after: { population: 1700, organisationNumber: '974760673' },
    });

    const cleared = await http(t).patch('/api/v1/municipalities/1820').set(admin.auth).send({ contactName: '', contactEmail: null }).expect(200);
    expect(bodyOf(cleared, contract.municipality)).toMatchObject({ contactName: null, contactEmail: null });
  });

  it('rejects invalid fields and unknown fields with a problem naming each', async () => {
    const response = await http(t)
      .patch('/api/v1/municipalities/1820')
      .set(admin.auth)
      .send({ organisationNumber: '123456789', centralityClass: 7, population: -1, contactEmail: 'nope', searchText: 'x' });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['centralityClass', 'contactEmail', 'organisationNumber', 'population', 'searchText']);
  });

  it('rejects an office that does not exist', async () => {
    const problem = expectProblem(
      await http(t).patch('/api/v1/municipalities/1820').set(admin.auth).send({ officeCode: 'atlantis' }),
      400,
      'validation_failed',
    );
    expect(problem.errors).toEqual([
      { path: 'officeCode', code: 'unknown_reference', message: 'no office has the code "atlantis"', params: { entity: 'office', value: 'atlantis' } },
    ]);
  });

  it('answers 412 to a stale If-Match and leaves the data alone', async () => {
    const current = await get('1822');
    await http(t).patch('/api/v1/municipalities/1822').set(admin.auth).set('if-match', current.etag).send({ population: 10 }).expect(200);
    const stale = await http(t).patch('/api/v1/municipalities/1822').set(admin.auth).set('if-match', current.etag).send({ population: 20 });
    expectProblem(stale, 412, 'precondition_failed');
    expectProblem(
      await http(t).patch('/api/v1/municipalities/1822').set(admin.auth).set('if-match', 'garbage').send({ population: 20 }),
      412,
      'precondition_failed',
    );
    expect((await get('1822')).municipality.population).toBe(10);
  });

  it('lets exactly one of two concurrent PATCHes with the same ETag win', async () => {
    const current = await get('1824');
    const { etag } = current;
    const [a, b] = await Promise.all([
      http(t).patch('/api/v1/municipalities/1824').set(admin.auth).set('if-match', etag).send({ population: 111 }),
      http(t).patch('/api/v1/municipalities/1824').set(admin.auth).set('if-match', etag).send({ population: 222 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? 111 : 222;
    const after = await get('1824');
    expect(after.municipality.population).toBe(winner);
    expect(after.municipality.version).toBe(current.municipality.version + 1);
  });

  it('does not bump the version when nothing changes', async () => {
    const current = await get('1825');
    const same = await http(t).patch('/api/v1/municipalities/1825').set(admin.auth).send({ population: current.municipality.population }).expect(200);
    expect(same.headers.etag).toBe(current.etag);
  });

  it('lets the directorate read but not write', async () => {
    await http(t).get('/api/v1/municipalities/0301').set(directorate.auth).expect(200);
    expectProblem(await http(t).patch('/api/v1/municipalities/0301').set(directorate.auth).send({ population: 1 }), 403, 'forbidden');
  });
});

describe('reference data', () => {
  it('lists six offices and fifteen counties', async () => {
    const offices = bodyOf(await http(t).get('/api/v1/offices').set(nordOffice.auth).expect(200), contract.officeList);
    expect(offices.items.map((o) => o.code).sort()).toEqual(['midt', 'nord', 'oslo', 'ost', 'sor', 'vest']);
    const { items } = bodyOf(await http(t).get('/api/v1/counties').set(nordOffice.auth).expect(200), contract.countyList);
    expect(items).toHaveLength(15);
    expect(items.find((c) => c.countyNumber === '42')).toMatchObject({ defaultOfficeCode: 'sor', healthRegion: 'Helse Sør-Øst' });
  });
});
