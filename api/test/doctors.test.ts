import { randomUUID } from 'node:crypto';
import * as contract from '@alis/shared';
import type { Doctor, Page } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, directorate, heroyClient, nordOffice, osloClient, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf, expectDefined } from './support/expect.js';
import { type Caller, auditTrail, expectProblem, http } from './support/factories.js';
import { freshHprNumber, insertAgreement } from './support/rows.js';

const doctorPage = contract.doctorPage;

useCast();

// Every test takes fresh HPR numbers, so tests never collide on the unique index.
const hpr = freshHprNumber;
/** A name no other test uses, for filtering lists down to one test's rows. */
const tag = () => `Lege${randomUUID().slice(0, 8)}`;

async function createDoctor(caller: Caller, body: Record<string, unknown> = {}): Promise<Doctor> {
  const response = await http(t)
    .post('/api/v1/doctors')
    .set(caller.auth)
    .send({ hprNumber: hpr(), name: `Kari ${tag()}`, ...body })
    .expect(201);
  return bodyOf(response, contract.doctor);
}

const list = async (caller: Caller, query: Record<string, string | number>) =>
  bodyOf(await http(t).get('/api/v1/doctors').query(query).set(caller.auth).expect(200), doctorPage);
/** A page that must hold doctors in full (no look-up reference). */
const listInScope = async (caller: Caller, query: Record<string, string | number>) =>
  bodyOf(await http(t).get('/api/v1/doctors').query(query).set(caller.auth).expect(200), contract.pageOf(contract.doctor));
const auditOf = (doctorId: string) => auditTrail(t, admin, { entityType: 'doctor', entityId: doctorId });

describe('POST /api/v1/doctors', () => {
  it('registers a doctor with a canonical HPR number, Location and ETag, and audits it', async () => {
    const response = await http(t)
      .post('/api/v1/doctors')
      .set(nordOffice.auth)
      .send({ hprNumber: '0012345678', name: '  Ola Nordmann ', email: 'Ola@Example.NO', phone: '+47 900 00 000', lis1CompletedOn: '2023-08-31' })
      .expect(201);
    const created = bodyOf(response, contract.doctor);
    expect(created).toMatchObject({
      hprNumber: '12345678',
      name: 'Ola Nordmann',
      email: 'ola@example.no',
      phone: '+47 900 00 000',
      lis1CompletedOn: '2023-08-31',
      scheme: 'new',
      specialistApprovedOn: null,
      version: 1,
    });
    expect(created).not.toHaveProperty('createdByOfficeCode');
    expect(response.headers.location).toBe(`/api/v1/doctors/${created.id}`);
    expect(response.headers.etag).toBe('"v1"');

    const [entry] = await auditOf(created.id);
    expect(entry).toMatchObject({
      action: 'doctor.created',
      actorId: nordOffice.id,
      after: { hprNumber: '12345678', name: 'Ola Nordmann', createdByOfficeCode: 'nord', createdByKommunenummer: null },
    });
  });

  it('accepts the HPR number as a JSON number', async () => {
    const created = await createDoctor(admin, { hprNumber: 7654321 });
    expect(created.hprNumber).toBe('7654321');
  });

  it('rejects HPR numbers of 6 or 10 digits, and other junk, with a field error', async () => {
    for (const hprNumber of ['123456', '1234567890', '00123456', '12345a7', '', '-1234567']) {
      const response = await http(t).post('/api/v1/doctors').set(admin.auth).send({ hprNumber, name: 'Feil Nummer' });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors.map((e) => e.path)).toEqual(['hprNumber']);
    }
  });

  it('rejects unknown and invalid fields', async () => {
    const response = await http(t)
      .post('/api/v1/doctors')
      .set(admin.auth)
      .send({ hprNumber: hpr(), name: 'Ukjent Felt', createdByOfficeCode: 'oslo', scheme: 'ancient', email: 'nope' });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['createdByOfficeCode', 'email', 'scheme']);
    expectProblem(await http(t).post('/api/v1/doctors').set(admin.auth).send({ hprNumber: hpr() }), 400, 'validation_failed');
  });

  it('answers 409 naming the existing doctor when the caller may see it', async () => {
    const existing = await createDoctor(nordOffice, { name: 'Per Dobbel' });
    const response = await http(t)
      .post('/api/v1/doctors')
      .set(nordOffice.auth)
      .send({ hprNumber: `00${existing.hprNumber}`, name: 'Per Dobbel igjen' });
    const problem = expectProblem(response, 409, 'already_exists');
    expect(problem.existingId).toBe(existing.id);
    expect(problem.detail).toBe(`HPR number ${existing.hprNumber} is already registered as Per Dobbel.`);
  });

  it('answers 409 with only the id when the existing doctor is outside the caller\'s scope', async () => {
    const existing = await createDoctor(nordOffice, { name: 'Hemmelig Navnesen' });
    for (const caller of [osloOffice, osloClient]) {
      const response = await http(t).post('/api/v1/doctors').set(caller.auth).send({ hprNumber: existing.hprNumber, name: 'Noen Andre' });
      const problem = expectProblem(response, 409, 'already_exists');
      expect(problem.existingId).toBe(existing.id);
      expect(problem.detail).toContain(existing.id);
      expect(JSON.stringify(problem)).not.toContain('Hemmelig');
    }
  });

  it('lets exactly one of two concurrent creates with the same HPR number win', async () => {
    const number = hpr();
    const [a, b] = await Promise.all([
      http(t).post('/api/v1/doctors').set(admin.auth).send({ hprNumber: number, name: 'Samtidig A' }),
      http(t).post('/api/v1/doctors').set(admin.auth).send({ hprNumber: `0${number}`, name: 'Samtidig B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [winner, loser] = a.status === 201 ? [a, b] : [b, a];
    expect(expectProblem(loser, 409, 'already_exists').existingId).toBe(bodyOf(winner, contract.doctor).id);
    expect((await list(admin, { hprNumber: number })).items).toHaveLength(1);
  });

  it('is refused to the directorate', async () => {
    expectProblem(await http(t).post('/api/v1/doctors').set(directorate.auth).send({ hprNumber: hpr(), name: 'X' }), 403, 'forbidden');
  });
});

describe('GET and PATCH /api/v1/doctors/{id}', () => {
  it('returns the doctor with an ETag; 404 for an unknown id, 400 for a malformed one', async () => {
    const created = await createDoctor(admin);
    const response = await http(t).get(`/api/v1/doctors/${created.id}`).set(admin.auth).expect(200);
    expect(bodyOf(response, contract.doctor)).toEqual(created);
    expect(response.headers.etag).toBe('"v1"');
    expectProblem(await http(t).get(`/api/v1/doctors/${randomUUID()}`).set(admin.auth), 404, 'not_found');
    expectProblem(await http(t).get('/api/v1/doctors/not-a-uuid').set(admin.auth), 400, 'validation_failed');
  });

  it('updates, bumps version and ETag, and audits before and after', async () => {
    const created = await createDoctor(admin, { name: 'Endre Meg' });
    const response = await http(t)
      .patch(`/api/v1/doctors/${created.id}`)
      .set(admin.auth)
      .set('if-match', '"v1"')
      .send({ name: 'Endret Meg', scheme: 'old', specialistApprovedOn: '2025-01-15', email: '' })
      .expect(200);
    expect(bodyOf(response, contract.doctor)).toMatchObject({ name: 'Endret Meg', scheme: 'old', specialistApprovedOn: '2025-01-15', email: null, version: 2 });
    expect(response.headers.etag).toBe('"v2"');

    const [entry] = await auditOf(created.id);
    expect(entry).toEqual(
      expect.objectContaining({
        action: 'doctor.updated',
        before: { name: 'Endre Meg', scheme: 'new', specialistApprovedOn: null },
        after: { name: 'Endret Meg', scheme: 'old', specialistApprovedOn: '2025-01-15' },
      }),
    );
  });

  it('does not bump the version when nothing changes', async () => {
    const created = await createDoctor(admin);
    const same = await http(t).patch(`/api/v1/doctors/${created.id}`).set(admin.auth).send({ name: created.name }).expect(200);
    expect(same.headers.etag).toBe('"v1"');
  });

  it('answers 412 to a stale or foreign If-Match and leaves the doctor alone', async () => {
    const created = await createDoctor(admin, { name: 'Før Endring' });
    await http(t).patch(`/api/v1/doctors/${created.id}`).set(admin.auth).set('if-match', '"v1"').send({ name: 'Første' }).expect(200);
    const stale = await http(t).patch(`/api/v1/doctors/${created.id}`).set(admin.auth).set('if-match', '"v1"').send({ name: 'Andre' });
    const problem = expectProblem(stale, 412, 'precondition_failed');
    expect(problem.currentETag).toBe('"v2"');
    expectProblem(
      await http(t).patch(`/api/v1/doctors/${created.id}`).set(admin.auth).set('if-match', 'garbage').send({ name: 'Andre' }),
      412,
      'precondition_failed',
    );
    const after = await http(t).get(`/api/v1/doctors/${created.id}`).set(admin.auth).expect(200);
    expect(bodyOf(after, contract.doctor).name).toBe('Første');
  });

  it('rejects unknown fields and bad HPR numbers in a PATCH', async () => {
    const created = await createDoctor(admin);
    const problem = expectProblem(
      await http(t).patch(`/api/v1/doctors/${created.id}`).set(admin.auth).send({ id: randomUUID(), hprNumber: '1234567890' }),
      400,
      'validation_failed',
    );
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['hprNumber', 'id']);
  });

  it('canonicalises a new HPR number and answers 409 when another doctor has it', async () => {
    const [first, second] = [await createDoctor(admin, { name: 'Første Lege' }), await createDoctor(admin)];
    const number = hpr();
    const moved = bodyOf(await http(t).patch(`/api/v1/doctors/${second.id}`).set(admin.auth).send({ hprNumber: `000${number}` }).expect(200), contract.doctor);
    expect(moved.hprNumber).toBe(number);

    const response = await http(t).patch(`/api/v1/doctors/${second.id}`).set(admin.auth).send({ hprNumber: first.hprNumber, name: 'Nytt Navn' });
    const problem = expectProblem(response, 409, 'already_exists');
    expect(problem.existingId).toBe(first.id);
    expect(problem.detail).toBe(`HPR number ${first.hprNumber} is already registered as Første Lege.`);
    const after = await http(t).get(`/api/v1/doctors/${second.id}`).set(admin.auth).expect(200);
    expect(bodyOf(after, contract.doctor)).toMatchObject({ hprNumber: moved.hprNumber, name: second.name, version: 2 });
  });

  it('lets exactly one of two concurrent PATCHes to the same new HPR number win', async () => {
    const [a, b] = [await createDoctor(admin), await createDoctor(admin)];
    const number = hpr();
    const responses = await Promise.all([
      http(t).patch(`/api/v1/doctors/${a.id}`).set(admin.auth).send({ hprNumber: number }),
      http(t).patch(`/api/v1/doctors/${b.id}`).set(admin.auth).send({ hprNumber: number }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const found = await list(admin, { hprNumber: number });
    expect(found.items).toHaveLength(1);
    const loser = expectDefined(responses.find((r) => r.status === 409), 'the PATCH that lost');
    expect(expectProblem(loser, 409, 'already_exists').existingId).toBe(expectDefined(found.items[0], 'the holder of the number').id);
  });

  it('is refused to the directorate', async () => {
    const created = await createDoctor(admin);
    expectProblem(await http(t).get(`/api/v1/doctors/${created.id}`).set(directorate.auth), 403, 'forbidden');
    expectProblem(await http(t).patch(`/api/v1/doctors/${created.id}`).set(directorate.auth).send({ name: 'X' }), 403, 'forbidden');
    expectProblem(await http(t).get('/api/v1/doctors').set(directorate.auth), 403, 'forbidden');
  });
});

describe('scope', () => {
  it('an office sees the doctors its users registered; another office and another municipality get 404', async () => {
    const doctor = await createDoctor(nordOffice);
    await http(t).get(`/api/v1/doctors/${doctor.id}`).set(nordOffice.auth).expect(200);
    await http(t).patch(`/api/v1/doctors/${doctor.id}`).set(nordOffice.auth).send({ phone: '12345678' }).expect(200);
    for (const outsider of [osloOffice, osloClient, heroyClient]) {
      expectProblem(await http(t).get(`/api/v1/doctors/${doctor.id}`).set(outsider.auth), 404, 'not_found');
      expectProblem(await http(t).patch(`/api/v1/doctors/${doctor.id}`).set(outsider.auth).send({ name: 'Kapret' }), 404, 'not_found');
    }
    const after = await http(t).get(`/api/v1/doctors/${doctor.id}`).set(admin.auth).expect(200);
    expect(bodyOf(after, contract.doctor).name).toBe(doctor.name);
  });

  it('an agreement in a municipality (any status) opens the doctor to that municipality and its office', async () => {
    const doctor = await createDoctor(admin);
    for (const outsider of [nordOffice, osloOffice, osloClient]) {
      expectProblem(await http(t).get(`/api/v1/doctors/${doctor.id}`).set(outsider.auth), 404, 'not_found');
    }
    await insertAgreement(t, { doctorId: doctor.id, kommunenummer: '0301', status: 'draft' });
    await http(t).get(`/api/v1/doctors/${doctor.id}`).set(osloOffice.auth).expect(200);
    await http(t).get(`/api/v1/doctors/${doctor.id}`).set(osloClient.auth).expect(200);
    await http(t).patch(`/api/v1/doctors/${doctor.id}`).set(osloClient.auth).send({ lis1CompletedOn: '2022-02-28' }).expect(200);
    expectProblem(await http(t).get(`/api/v1/doctors/${doctor.id}`).set(nordOffice.auth), 404, 'not_found');
    expectProblem(await http(t).get(`/api/v1/doctors/${doctor.id}`).set(heroyClient.auth), 404, 'not_found');
  });

  it('a municipality\'s client sees what it registered, and so does the office of that municipality', async () => {
    const doctor = await createDoctor(heroyClient);
    expect((await auditOf(doctor.id))[0]?.after).toMatchObject({
      createdByKommunenummer: '1818',
      createdByOfficeCode: null,
    });
    await http(t).get(`/api/v1/doctors/${doctor.id}`).set(heroyClient.auth).expect(200);
    await http(t).get(`/api/v1/doctors/${doctor.id}`).set(nordOffice.auth).expect(200);
    expectProblem(await http(t).get(`/api/v1/doctors/${doctor.id}`).set(osloOffice.auth), 404, 'not_found');
    expectProblem(await http(t).get(`/api/v1/doctors/${doctor.id}`).set(osloClient.auth), 404, 'not_found');
  });

  it('lists only doctors in the caller\'s scope, whatever the filters ask', async () => {
    const name = tag();
    const nordOwn = await createDoctor(nordOffice, { name: `${name} A` });
    const osloOwn = await createDoctor(osloOffice, { name: `${name} B` });
    const heroyOwn = await createDoctor(heroyClient, { name: `${name} C` });
    const inOslo = await createDoctor(admin, { name: `${name} D` });
    await insertAgreement(t, { doctorId: inOslo.id, kommunenummer: '0301' });
    const ids = async (caller: Caller, extra: Record<string, string> = {}) =>
      (await list(caller, { q: name, ...extra })).items.map((d) => d.id);

    expect(await ids(admin)).toEqual([nordOwn.id, osloOwn.id, heroyOwn.id, inOslo.id]);
    expect(await ids(nordOffice)).toEqual([nordOwn.id, heroyOwn.id]);
    expect(await ids(osloOffice)).toEqual([osloOwn.id, inOslo.id]);
    expect(await ids(heroyClient)).toEqual([heroyOwn.id]);
    expect(await ids(osloClient)).toEqual([inOslo.id]);
    expect(await ids(nordOffice, { kommunenummer: '0301' })).toEqual([]);
    expect(await ids(osloOffice, { kommunenummer: '0301' })).toEqual([inOslo.id]);
  });

  it('finds a doctor by exact HPR number whatever the scope, and only that one; outside the scope only as a reference', async () => {
    const doctor = await createDoctor(nordOffice, { email: 'kontakt@example.no', phone: '+47 75 00 00 00' });
    // Same digits and one more: a prefix search would find both, the lookup only the exact one.
    await createDoctor(admin, { hprNumber: `${doctor.hprNumber}1` });
    for (const caller of [nordOffice, admin]) {
      expect(await list(caller, { hprNumber: `0${doctor.hprNumber}` })).toEqual({ items: [doctor], nextCursor: null, total: { count: 1, exact: true } });
    }
    // Outside the scope: the number is registered and under which id, and nothing about the person.
    for (const caller of [osloOffice, osloClient, heroyClient]) {
      const page = await list(caller, { hprNumber: `0${doctor.hprNumber}` });
      expect(page).toEqual({ items: [{ id: doctor.id, hprNumber: doctor.hprNumber, restricted: true }], nextCursor: null, total: { count: 1, exact: true } });
    }
    // A partial number is a search within the scope, not a lookup.
    expect((await list(osloOffice, { q: doctor.hprNumber })).items).toEqual([]);
    expect((await list(osloOffice, { hprNumber: hpr() })).items).toEqual([]);
    expectProblem(await http(t).get('/api/v1/doctors').query({ hprNumber: '12345' }).set(osloOffice.auth), 400, 'validation_failed');
  });
});

describe('GET /api/v1/doctors', () => {
  it('orders by name then id and pages with an opaque cursor', async () => {
    const name = tag();
    const [bjorn, anne1, anne2, cecilie, anne3] = [
      await createDoctor(admin, { name: `${name} Bjørn` }),
      await createDoctor(admin, { name: `${name} Anne` }),
      await createDoctor(admin, { name: `${name} Anne` }),
      await createDoctor(admin, { name: `${name} Cecilie` }),
      await createDoctor(admin, { name: `${name} Anne` }),
    ];
    const anne = [anne1, anne2, anne3].map((d) => d.id).sort();
    const expected = [...anne, bjorn.id, cecilie.id];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Doctor> = await listInScope(admin, { q: name, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it('matches part of the name ignoring case, or the start of the HPR number', async () => {
    const name = tag();
    const number = String(8_800_000 + Math.floor(Math.random() * 1000) * 100);
    const doctor = await createDoctor(admin, { name: `Ingrid ${name} Hansen`, hprNumber: number });
    expect((await list(admin, { q: name.toUpperCase() })).items.map((d) => d.id)).toEqual([doctor.id]);
    expect((await list(admin, { q: `grid ${name.toLowerCase()} han` })).items.map((d) => d.id)).toEqual([doctor.id]);
    expect((await list(admin, { q: number.slice(0, 6) })).items.map((d) => d.id)).toContain(doctor.id);
    expect((await list(admin, { q: `00${number.slice(0, 6)}` })).items.map((d) => d.id)).toContain(doctor.id);
    expect((await list(admin, { q: number.slice(2) })).items.map((d) => d.id)).not.toContain(doctor.id);
  });

  it('treats LIKE wildcards in q as text', async () => {
    await createDoctor(admin, { name: 'Prosent Person' });
    expect((await list(admin, { q: '%' })).items).toEqual([]);
    expect((await list(admin, { q: '_' })).items).toEqual([]);
  });

  it('filters by municipality of an agreement', async () => {
    const name = tag();
    const inBodo = await createDoctor(admin, { name: `${name} Bodø` });
    const inBoth = await createDoctor(admin, { name: `${name} Begge` });
    await createDoctor(admin, { name: `${name} Ingen` });
    await insertAgreement(t, { doctorId: inBodo.id, kommunenummer: '1804' });
    await insertAgreement(t, { doctorId: inBoth.id, kommunenummer: '1804', status: 'draft' });
    await insertAgreement(t, { doctorId: inBoth.id, kommunenummer: '0301' });
    expect((await list(admin, { q: name, kommunenummer: '1804' })).items.map((d) => d.id)).toEqual([inBoth.id, inBodo.id]);
    expect((await list(admin, { q: name, kommunenummer: '0301' })).items.map((d) => d.id)).toEqual([inBoth.id]);
    expect((await list(admin, { q: name, kommunenummer: '4601' })).items).toEqual([]);
  });

  it('rejects bad query parameters and foreign cursors', async () => {
    for (const query of [{ limit: '0' }, { limit: '201' }, { kommunenummer: 'x' }, { unknown: '1' }, { hprNumber: '1234567890' }]) {
      expectProblem(await http(t).get('/api/v1/doctors').query(query).set(admin.auth), 400, 'validation_failed');
    }
    expectProblem(await http(t).get('/api/v1/doctors').query({ cursor: 'bm9wZQ' }).set(admin.auth), 400, 'invalid_cursor');
  });

  it('requires a token', async () => {
    expectProblem(await http(t).get('/api/v1/doctors'), 401, 'unauthorized');
  });
});
