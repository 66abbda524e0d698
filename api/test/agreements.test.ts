import * as contract from '@alis/shared';
import { type Agreement, addDays, addMonths, addYears, plannedEndDate, todayInNorway } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, bodoClient, directorate, directorateClient, heroyClient, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf, etagOf, expectDefined } from './support/expect.js';
import { type Caller, auditTrail, createClient, expectProblem, http } from './support/factories.js';
import { at } from '../src/lib/collections.js';
import { insertDoctor, insertRegistration, insertSupervision, insertSupervisor } from './support/rows.js';
import { countSent } from './support/sql.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

const BASE = '/api/v1/agreements';

useCast();

interface CreateOptions {
  kommunenummer?: string;
  doctorId?: string;
  employmentForm?: 'salaried' | 'self_employed';
  position?: string;
  positionPercent?: number;
  signedOn?: string | null;
  startDate?: string;
  viaStaffingAgency?: boolean;
  notes?: string;
}

async function createAgreement(caller: Caller, options: CreateOptions = {}) {
  const body = {
    kommunenummer: options.kommunenummer ?? '1804',
    doctorId: options.doctorId ?? (await insertDoctor(t)).id,
    employmentForm: options.employmentForm ?? 'salaried',
    position: options.position ?? 'gp',
    positionPercent: options.positionPercent ?? 100,
    startDate: options.startDate ?? '2024-01-01',
    ...(options.signedOn !== undefined ? { signedOn: options.signedOn } : {}),
    ...(options.viaStaffingAgency !== undefined ? { viaStaffingAgency: options.viaStaffingAgency } : {}),
    ...(options.notes !== undefined ? { notes: options.notes } : {}),
  };
  const response = await http(t).post(BASE).set(caller.auth).send(body).expect(201);
  return { agreement: bodyOf(response, contract.agreement), etag: etagOf(response), response };
}

async function activate(id: string, caller: Caller = admin) {
  await http(t).patch(`${BASE}/${id}`).set(caller.auth).send({ signedOn: '2023-12-01' }).expect(200);
  const response = await http(t).post(`${BASE}/${id}/transitions`).set(caller.auth).send({ to: 'active' }).expect(200);
  return bodyOf(response, contract.agreement);
}

const get = async (id: string, caller: Caller = admin) => {
  const response = await http(t).get(`${BASE}/${id}`).set(caller.auth).expect(200);
  return { agreement: bodyOf(response, contract.agreement), etag: etagOf(response) };
};
const list = async (query: Record<string, string | number>, caller: Caller = admin) =>
  bodyOf(await http(t).get(BASE).query(query).set(caller.auth).expect(200), contract.agreementPage);
const codes = (agreement: Agreement) => agreement.warnings.map((warning) => warning.code);
const auditOf = (id: string) => auditTrail(t, admin, { entityType: 'agreement', entityId: id });

describe('POST /api/v1/agreements', () => {
  it('creates a draft with Location, ETag, the doctor and the computed planned end date', async () => {
    const { id: doctorId } = await insertDoctor(t, { name: 'Kari Lege' });
    const { agreement, response } = await createAgreement(nordOffice, { doctorId, kommunenummer: '1804', positionPercent: 60, notes: 'Første ALIS' });
    expect(response.headers.location).toBe(`${BASE}/${agreement.id}`);
    expect(response.headers.etag).toMatch(/^"v1"$/);
    expect(agreement).toMatchObject({
      kommunenummer: '1804',
      municipalityName: 'Bodø',
      officeCode: 'nord',
      doctor: { id: doctorId, name: 'Kari Lege' },
      status: 'draft',
      positionPercent: 60,
      signedOn: null,
      endDate: null,
      endReason: null,
      viaStaffingAgency: false,
      notes: 'Første ALIS',
      currentVeileder: null,
      plannedEndDate: plannedEndDate('2024-01-01', 60),
    });
    expect(agreement.plannedEndDate).toBe('2032-05-02');
    expect((await get(agreement.id)).agreement.plannedEndDate).toBe('2032-05-02');

    const [created] = await auditOf(agreement.id);
    expect(created).toMatchObject({ action: 'agreement.created', actorId: nordOffice.id, after: { status: 'draft', doctorId, plannedEndDate: '2032-05-02' } });
  });

  it('computes five calendar years at full time', async () => {
    const { agreement } = await createAgreement(admin, { startDate: '2024-01-01' });
    expect(agreement.plannedEndDate).toBe('2028-12-31');
  });

  it('answers 404 for a municipality outside the caller\'s scope or one that does not exist', async () => {
    const { id: doctorId } = await insertDoctor(t);
    const base = { doctorId, employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate: '2024-01-01' };
    expectProblem(await http(t).post(BASE).set(nordOffice.auth).send({ ...base, kommunenummer: '0301' }), 404, 'not_found');
    expectProblem(await http(t).post(BASE).set(heroyClient.auth).send({ ...base, kommunenummer: '1804' }), 404, 'not_found');
    expectProblem(await http(t).post(BASE).set(admin.auth).send({ ...base, kommunenummer: '9999' }), 404, 'not_found');
  });

  it('lets a municipality client create for its own municipality', async () => {
    const { agreement } = await createAgreement(heroyClient, { kommunenummer: '1818' });
    expect(agreement).toMatchObject({ kommunenummer: '1818', status: 'draft' });
  });

  it('answers 400 naming doctorId when the doctor does not exist', async () => {
    const response = await http(t)
      .post(BASE)
      .set(admin.auth)
      .send({ kommunenummer: '1804', doctorId: '00000000-0000-4000-8000-000000000000', employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate: '2024-01-01' });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors.map((e) => e.path)).toEqual(['doctorId']);
  });

  it('rejects unknown, missing and invalid fields', async () => {
    const { id: doctorId } = await insertDoctor(t);
    const response = await http(t)
      .post(BASE)
      .set(admin.auth)
      .send({ kommunenummer: '1804', doctorId, employmentForm: 'freelance', positionPercent: 0, startDate: '2024-02-30', status: 'active' });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['employmentForm', 'position', 'positionPercent', 'startDate', 'status']);
  });

  it('refuses a second open agreement for the same doctor and municipality, naming the first', async () => {
    const { id: doctorId } = await insertDoctor(t);
    const { agreement: first } = await createAgreement(admin, { doctorId, kommunenummer: '1820' });
    const body = { kommunenummer: '1820', doctorId, employmentForm: 'self_employed', position: 'gp', positionPercent: 100, startDate: '2025-01-01' };
    const duplicate = expectProblem(await http(t).post(BASE).set(admin.auth).send(body), 409, 'already_exists');
    expect(duplicate.existingId).toBe(first.id);

    await activate(first.id);
    const whileActive = expectProblem(await http(t).post(BASE).set(admin.auth).send(body), 409, 'already_exists');
    expect(whileActive.existingId).toBe(first.id);

    // Another municipality is another agreement.
    await createAgreement(admin, { doctorId, kommunenummer: '1822' });
  });

  it('lets exactly one of two concurrent duplicate creates through', async () => {
    const { id: doctorId } = await insertDoctor(t);
    const body = { kommunenummer: '1824', doctorId, employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate: '2024-01-01' };
    const responses = await Promise.all([1, 2, 3].map(() => http(t).post(BASE).set(admin.auth).send(body)));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const winner = bodyOf(expectDefined(responses.find((r) => r.status === 201), 'the create that won'), contract.agreement);
    for (const loser of responses.filter((r) => r.status === 409)) {
      expect(expectProblem(loser, 409, 'already_exists').existingId).toBe(winner.id);
    }
    expect((await list({ doctorId })).items).toHaveLength(1);
  });

  it('allows a new agreement once the previous one is completed', async () => {
    const { id: doctorId } = await insertDoctor(t);
    const { agreement } = await createAgreement(admin, { doctorId, kommunenummer: '1825' });
    await activate(agreement.id);
    await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'terminated', endDate: '2024-12-31', endReason: 'left_position' }).expect(200);
    const { agreement: next } = await createAgreement(admin, { doctorId, kommunenummer: '1825', startDate: '2025-02-01' });
    expect(next.id).not.toBe(agreement.id);
  });
});

describe('transitions', () => {
  it('goes draft → active → completed, auditing each step and moving the ETag', async () => {
    const { agreement, etag } = await createAgreement(admin, { signedOn: '2020-12-15', startDate: '2021-01-01' });
    const activated = await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).set('if-match', etag).send({ to: 'active', note: 'Signert' }).expect(200);
    expect(bodyOf(activated, contract.agreement).status).toBe('active');
    expect(activated.headers.etag).not.toBe(etag);

    const completed = await http(t)
      .post(`${BASE}/${agreement.id}/transitions`)
      .set(admin.auth)
      .set('if-match', etagOf(activated))
      .send({ to: 'completed', endDate: '2025-12-31', endReason: 'completed_training' })
      .expect(200);
    expect(bodyOf(completed, contract.agreement)).toMatchObject({ status: 'completed', endDate: '2025-12-31', endReason: 'completed_training', warnings: [] });

    const actions = (await auditOf(agreement.id)).map((entry) => entry.action);
    expect(actions).toEqual(['agreement.transitioned', 'agreement.transitioned', 'agreement.created']);
    const [toCompleted, toActive] = await auditOf(agreement.id);
    expect(toActive).toMatchObject({ before: { status: 'draft' }, after: { status: 'active', note: 'Signert' } });
    expect(toCompleted).toMatchObject({ before: { status: 'active' }, after: { status: 'completed', endDate: '2025-12-31', endReason: 'completed_training' } });
  });

  it('goes active → terminated', async () => {
    const { agreement } = await createAgreement(admin);
    await activate(agreement.id);
    const response = await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'terminated', endDate: '2024-06-30', endReason: 'no_grant' }).expect(200);
    expect(bodyOf(response, contract.agreement)).toMatchObject({ status: 'terminated', endReason: 'no_grant' });
  });

  it('answers 422 listing signedOn when a draft without it is activated', async () => {
    const { agreement } = await createAgreement(admin);
    const problem = expectProblem(await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'active' }), 422, 'unprocessable');
    expect(problem.errors.map((e) => e.path)).toEqual(['signedOn']);
    expect((await get(agreement.id)).agreement.status).toBe('draft');
  });

  it('answers 422 listing endDate and endReason when closing without them', async () => {
    const { agreement } = await createAgreement(admin);
    await activate(agreement.id);
    const both = expectProblem(await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'completed' }), 422, 'unprocessable');
    expect(both.errors.map((e) => e.path)).toEqual(['endDate', 'endReason']);
    const reason = expectProblem(
      await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'terminated', endDate: '2025-01-01' }),
      422,
      'unprocessable',
    );
    expect(reason.errors.map((e) => e.path)).toEqual(['endReason']);
  });

  it('answers 409 illegal_transition naming the allowed ones', async () => {
    const { agreement } = await createAgreement(admin, { signedOn: '2023-12-01' });
    const fromDraft = expectProblem(
      await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'completed', endDate: '2025-01-01', endReason: 'other' }),
      409,
      'illegal_transition',
    );
    expect(fromDraft.allowed).toEqual(['active', 'cancelled']);
    const same = expectProblem(await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'draft' }), 409, 'illegal_transition');
    expect(same.allowed).toEqual(['active', 'cancelled']);

    await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'active' }).expect(200);
    const fromActive = expectProblem(await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'draft' }), 409, 'illegal_transition');
    expect(fromActive.allowed).toEqual(['completed', 'terminated']);

    await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'terminated', endDate: '2025-01-01', endReason: 'other' }).expect(200);
    const fromClosed = expectProblem(await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'active' }), 409, 'illegal_transition');
    expect(fromClosed.allowed).toEqual([]);
  });

  it('rejects an end date before the start and end fields on activation', async () => {
    const { agreement } = await createAgreement(admin, { signedOn: '2023-12-01', startDate: '2024-01-01' });
    const stray = expectProblem(await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'active', endDate: '2025-01-01' }), 400, 'validation_failed');
    expect(stray.errors.map((e) => e.path)).toEqual(['endDate']);
    await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'active' }).expect(200);
    const early = expectProblem(
      await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'completed', endDate: '2023-12-31', endReason: 'other' }),
      400,
      'validation_failed',
    );
    expect(early.errors.map((e) => e.path)).toEqual(['endDate']);
    expectProblem(await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'completed', extra: 1 }), 400, 'validation_failed');
  });

  it('answers 412 to a stale If-Match', async () => {
    const { agreement, etag } = await createAgreement(admin);
    await http(t).patch(`${BASE}/${agreement.id}`).set(admin.auth).send({ signedOn: '2023-12-01' }).expect(200);
    expectProblem(await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).set('if-match', etag).send({ to: 'active' }), 412, 'precondition_failed');
    expect((await get(agreement.id)).agreement.status).toBe('draft');
  });
});

describe('PATCH /api/v1/agreements/{id}', () => {
  it('changes fields, recomputes the planned end date, bumps the ETag and audits the difference', async () => {
    const { agreement, etag } = await createAgreement(admin, { positionPercent: 100 });
    // A share set from the start date rewrites the whole history: the agreement was half time all along.
    const response = await http(t)
      .patch(`${BASE}/${agreement.id}`)
      .set(admin.auth)
      .set('if-match', etag)
      .send({ positionPercent: 50, positionPercentFrom: '2024-01-01', position: 'gp_locum', notes: 'Halv stilling' })
      .expect(200);
    expect(bodyOf(response, contract.agreement)).toMatchObject({
      positionPercent: 50,
      positionHistory: [{ from: '2024-01-01', percent: 50 }],
      position: 'gp_locum',
      notes: 'Halv stilling',
      plannedEndDate: plannedEndDate('2024-01-01', 50),
    });
    expect(response.headers.etag).toBe('"v2"');
    const [updated] = await auditOf(agreement.id);
    expect(updated).toMatchObject({
      action: 'agreement.updated',
      before: { positionHistory: [{ from: '2024-01-01', percent: 100 }], position: 'gp', notes: null, plannedEndDate: '2028-12-31' },
      after: { positionHistory: [{ from: '2024-01-01', percent: 50 }], position: 'gp_locum', notes: 'Halv stilling', plannedEndDate: plannedEndDate('2024-01-01', 50) },
    });

    const moved = await http(t).patch(`${BASE}/${agreement.id}`).set(admin.auth).send({ startDate: '2025-01-01' }).expect(200);
    expect(bodyOf(moved, contract.agreement).plannedEndDate).toBe(plannedEndDate('2025-01-01', 50));
  });

  it('answers 412 to a stale or foreign If-Match and leaves the agreement alone', async () => {
    const { agreement, etag } = await createAgreement(admin);
    await http(t).patch(`${BASE}/${agreement.id}`).set(admin.auth).set('if-match', etag).send({ notes: 'a' }).expect(200);
    expectProblem(await http(t).patch(`${BASE}/${agreement.id}`).set(admin.auth).set('if-match', etag).send({ notes: 'b' }), 412, 'precondition_failed');
    expectProblem(await http(t).patch(`${BASE}/${agreement.id}`).set(admin.auth).set('if-match', 'garbage').send({ notes: 'b' }), 412, 'precondition_failed');
    expect((await get(agreement.id)).agreement.notes).toBe('a');
  });

  it('does not bump the version when nothing changes', async () => {
    const { agreement, etag } = await createAgreement(admin, { positionPercent: 80 });
    const same = await http(t).patch(`${BASE}/${agreement.id}`).set(admin.auth).send({ positionPercent: 80 }).expect(200);
    expect(same.headers.etag).toBe(etag);
  });

  it('answers 409 conflict for a closed agreement', async () => {
    const { agreement } = await createAgreement(admin);
    await activate(agreement.id);
    await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'terminated', endDate: '2024-05-01', endReason: 'left_position' }).expect(200);
    expectProblem(await http(t).patch(`${BASE}/${agreement.id}`).set(admin.auth).send({ notes: 'x' }), 409, 'conflict');
  });

  it('keeps status and end out of PATCH, and keeps the signing date of an active agreement', async () => {
    const { agreement } = await createAgreement(admin);
    const problem = expectProblem(await http(t).patch(`${BASE}/${agreement.id}`).set(admin.auth).send({ status: 'active', endDate: '2025-01-01' }), 400, 'validation_failed');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['endDate', 'status']);
    await activate(agreement.id);
    const unsigned = expectProblem(await http(t).patch(`${BASE}/${agreement.id}`).set(admin.auth).send({ signedOn: null }), 422, 'unprocessable');
    expect(unsigned.errors.map((e) => e.path)).toEqual(['signedOn']);
  });
});

describe('GET /api/v1/agreements', () => {
  it('filters by kommunenummer, officeCode, status, doctorId and employmentForm', async () => {
    const { id: doctorId } = await insertDoctor(t);
    const { agreement: inBodo } = await createAgreement(admin, { doctorId, kommunenummer: '1804', employmentForm: 'self_employed' });
    const { agreement: inOslo } = await createAgreement(admin, { doctorId, kommunenummer: '0301' });
    await activate(inOslo.id);

    const byMunicipality = await list({ kommunenummer: '0301', limit: 200 });
    expect(byMunicipality.items.every((a) => a.kommunenummer === '0301')).toBe(true);
    expect(byMunicipality.items.map((a) => a.id)).toContain(inOslo.id);

    const byOffice = await list({ officeCode: 'nord', limit: 200 });
    expect(byOffice.items.every((a) => a.officeCode === 'nord')).toBe(true);
    expect(byOffice.items.map((a) => a.id)).toContain(inBodo.id);
    expect(byOffice.items.map((a) => a.id)).not.toContain(inOslo.id);

    expect((await list({ doctorId })).items.map((a) => a.id).sort()).toEqual([inBodo.id, inOslo.id].sort());
    expect((await list({ doctorId, status: 'active' })).items.map((a) => a.id)).toEqual([inOslo.id]);
    expect((await list({ doctorId, status: 'draft' })).items.map((a) => a.id)).toEqual([inBodo.id]);
    const active = await list({ status: 'active', limit: 200 });
    expect(active.items.every((a) => a.status === 'active')).toBe(true);
    expect((await list({ doctorId, employmentForm: 'self_employed' })).items.map((a) => a.id)).toEqual([inBodo.id]);
    expect((await list({ doctorId, employmentForm: 'salaried' })).items.map((a) => a.id)).toEqual([inOslo.id]);
  });

  it('filters endsBefore on the end date, or the planned end date while open', async () => {
    const { id: doctorId } = await insertDoctor(t);
    const { agreement: long } = await createAgreement(admin, { doctorId, kommunenummer: '1804', startDate: '2024-01-01' }); // planned 2028-12-31
    const { agreement: ended } = await createAgreement(admin, { doctorId, kommunenummer: '1806', startDate: '2024-01-01' });
    await activate(ended.id);
    await http(t).post(`${BASE}/${ended.id}/transitions`).set(admin.auth).send({ to: 'terminated', endDate: '2024-08-31', endReason: 'left_position' }).expect(200);

    expect((await list({ doctorId, endsBefore: '2024-09-01' })).items.map((a) => a.id)).toEqual([ended.id]);
    expect((await list({ doctorId, endsBefore: '2024-08-31' })).items).toEqual([]);
    expect((await list({ doctorId, endsBefore: '2028-12-31' })).items.map((a) => a.id)).toEqual([ended.id]);
    expect((await list({ doctorId, endsBefore: '2029-01-01' })).items.map((a) => a.id).sort()).toEqual([long.id, ended.id].sort());
  });

  it('pages newest start first with an opaque cursor, ties broken by id in the same direction', async () => {
    const { id: doctorId } = await insertDoctor(t);
    const starts = [
      { kommunenummer: '1811', startDate: '2024-03-01' },
      { kommunenummer: '1812', startDate: '2024-01-01' },
      { kommunenummer: '1813', startDate: '2024-05-01' },
      { kommunenummer: '1815', startDate: '2024-01-01' },
      { kommunenummer: '1816', startDate: '2023-06-01' },
    ];
    const created: Agreement[] = [];
    for (const start of starts) created.push((await createAgreement(admin, { doctorId, ...start })).agreement);
    const expected = [...created]
      .sort((a, b) => (a.startDate === b.startDate ? (a.id < b.id ? 1 : -1) : a.startDate < b.startDate ? 1 : -1))
      .map((a) => a.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list({ doctorId, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);
  });

  it('sorts by start, planned end, municipality or doctor, either way, each page with the total', async () => {
    const doctors = [await insertDoctor(t, { name: 'Sort Carlsen' }), await insertDoctor(t, { name: 'Sort Berg' }), await insertDoctor(t, { name: 'Sort Andersen' })];
    const places = [
      { kommunenummer: '1818', startDate: '2024-02-01', positionPercent: 100 },
      { kommunenummer: '1820', startDate: '2023-02-01', positionPercent: 50 },
      { kommunenummer: '1804', startDate: '2025-02-01', positionPercent: 80 },
    ];
    const created: Agreement[] = [];
    for (const [index, place] of places.entries()) {
      created.push((await createAgreement(admin, { doctorId: at(doctors, index).id, ...place })).agreement);
    }
    const ids = new Set(created.map((agreement) => agreement.id));
    /** Every page of a sort, limited to the agreements made here (the file's other tests make more). */
    const all = async (sort: string) => {
      const seen: Agreement[] = [];
      let cursor: string | null = null;
      do {
        const page = await list({ sort, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.total).toEqual({ count: expect.any(Number), exact: true });
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return seen.filter((agreement) => ids.has(agreement.id));
    };
    const names = (agreements: Agreement[]) => agreements.map((agreement) => agreement.municipalityName);
    expect((await all('startDate')).map((a) => a.startDate)).toEqual(['2023-02-01', '2024-02-01', '2025-02-01']);
    expect((await all('-plannedEndDate')).map((a) => a.plannedEndDate)).toEqual([...created.map((a) => a.plannedEndDate)].sort().reverse());
    expect(names(await all('municipality'))).toEqual([...names(created)].sort());
    expect((await all('-doctor')).map((a) => a.doctor.name)).toEqual(['Sort Carlsen', 'Sort Berg', 'Sort Andersen']);
    // A cursor belongs to its sort.
    const first = await list({ sort: 'doctor', limit: 1 });
    expectProblem(await http(t).get(BASE).query({ sort: 'startDate', cursor: first.nextCursor ?? '' }).set(admin.auth), 400, 'invalid_cursor');
    expectProblem(await http(t).get(BASE).query({ sort: 'name' }).set(admin.auth), 400, 'validation_failed');
    // The total counts what the filters match, on every page alike.
    const one = await list({ doctorId: at(doctors, 0).id });
    expect(one.total).toEqual({ count: 1, exact: true });
  });

  it('rejects bad filters and a cursor it did not issue', async () => {
    for (const query of [{ status: 'open' }, { hasVeileder: 'yes' }, { endsBefore: '2024-13-01' }, { doctorId: 'x' }, { limit: '0' }, { other: '1' }]) {
      expectProblem(await http(t).get(BASE).query(query).set(admin.auth), 400, 'validation_failed');
    }
    expectProblem(await http(t).get(BASE).query({ cursor: 'bm9wZQ' }).set(admin.auth), 400, 'invalid_cursor');
  });
});

describe('scope and roles', () => {
  it('answers 404 on every path of an agreement outside the caller\'s scope, and lists exclude it', async () => {
    const { agreement, etag } = await createAgreement(nordOffice, { kommunenummer: '1804' });
    const added = await http(t).post(`${BASE}/${agreement.id}/absences`).set(admin.auth).send({ kind: 'leave', from: '2024-02-01', to: '2024-02-10' }).expect(201);
    const absenceId = bodyOf(added, contract.absence).id;
    const supervisionId = '00000000-0000-4000-8000-000000000001';

    for (const outsider of [osloOffice, heroyClient]) {
      const requests = [
        http(t).get(`${BASE}/${agreement.id}`).set(outsider.auth),
        http(t).patch(`${BASE}/${agreement.id}`).set(outsider.auth).set('if-match', etag).send({ notes: 'x' }),
        http(t).post(`${BASE}/${agreement.id}/transitions`).set(outsider.auth).send({ to: 'active' }),
        http(t).get(`${BASE}/${agreement.id}/absences`).set(outsider.auth),
        http(t).get(`${BASE}/${agreement.id}/absences/${absenceId}`).set(outsider.auth),
        http(t).post(`${BASE}/${agreement.id}/absences`).set(outsider.auth).send({ kind: 'leave', from: '2025-01-01', to: '2025-01-02' }),
        http(t).delete(`${BASE}/${agreement.id}/absences/${absenceId}`).set(outsider.auth),
        http(t).get(`${BASE}/${agreement.id}/supervisions`).set(outsider.auth),
        http(t).post(`${BASE}/${agreement.id}/supervisions`).set(outsider.auth).send({ supervisorId: supervisionId, role: 'supervisor', from: '2024-01-01' }),
        http(t).get(`${BASE}/${agreement.id}/supervisions/${supervisionId}`).set(outsider.auth),
        http(t).patch(`${BASE}/${agreement.id}/supervisions/${supervisionId}`).set(outsider.auth).send({ to: '2024-12-31' }),
      ];
      for (const response of await Promise.all(requests)) expectProblem(response, 404, 'not_found');
      const visible = await list({ limit: 200 }, outsider);
      expect(visible.items.map((a) => a.id)).not.toContain(agreement.id);
    }
    // Nothing changed behind the 404s.
    const after = await get(agreement.id);
    expect(after.etag).not.toBe(etag); // the absence above moved it
    expect(after.agreement.notes).toBeNull();
    expect(after.agreement.status).toBe('draft');

    // The owners see it.
    await http(t).get(`${BASE}/${agreement.id}`).set(nordOffice.auth).expect(200);
    await http(t).get(`${BASE}/${agreement.id}`).set(bodoClient.auth).expect(200);
    expect((await list({ limit: 200 }, bodoClient)).items.every((a) => a.kommunenummer === '1804')).toBe(true);
    expect((await list({ limit: 200 }, nordOffice)).items.every((a) => a.officeCode === 'nord')).toBe(true);
    // Asking for another office's data through a filter gives nothing.
    expect((await list({ officeCode: 'oslo' }, nordOffice)).items).toEqual([]);
  });

  it('answers 403 to the directorate on every agreement endpoint', async () => {
    const { agreement } = await createAgreement(admin);
    for (const caller of [directorate, directorateClient]) {
      expectProblem(await http(t).get(BASE).set(caller.auth), 403, 'forbidden');
      expectProblem(await http(t).get(`${BASE}/${agreement.id}`).set(caller.auth), 403, 'forbidden');
      expectProblem(await http(t).get(`${BASE}/${agreement.id}/absences`).set(caller.auth), 403, 'forbidden');
      expectProblem(await http(t).get(`${BASE}/${agreement.id}/supervisions`).set(caller.auth), 403, 'forbidden');
      expectProblem(
        await http(t).post(BASE).set(caller.auth).send({ kommunenummer: '1804', doctorId: agreement.doctor.id, employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate: '2024-01-01' }),
        403,
        'forbidden',
      );
      expectProblem(await http(t).post(`${BASE}/${agreement.id}/transitions`).set(caller.auth).send({ to: 'active' }), 403, 'forbidden');
    }
  });

  it('needs the write scope to change anything', async () => {
    const readOnly = await createClient(t, admin, { kommunenummer: '1804', scope: 'read' });
    const { agreement } = await createAgreement(bodoClient, { kommunenummer: '1804' });
    await http(t).get(`${BASE}/${agreement.id}`).set(readOnly.auth).expect(200);
    expectProblem(await http(t).patch(`${BASE}/${agreement.id}`).set(readOnly.auth).send({ notes: 'x' }), 403, 'forbidden');
    expectProblem(await http(t).post(`${BASE}/${agreement.id}/absences`).set(readOnly.auth).send({ kind: 'leave', from: '2025-01-01', to: '2025-01-02' }), 403, 'forbidden');
  });

  it('requires a token', async () => {
    expectProblem(await http(t).get(BASE), 401, 'unauthorized');
  });
});

describe('the cost of one agreement', () => {
  it('reads an agreement and its facts in one round trip, the same as its list shows', async () => {
    const doctor = await insertDoctor(t);
    const { agreement } = await createAgreement(admin, { kommunenummer: '1804', doctorId: doctor.id, positionPercent: 60 });
    const supervisor = await insertSupervisor(t);
    await insertSupervision(t, { agreementId: agreement.id, supervisorId: supervisor.id, from: '2024-01-01' });
    const read = async () => {
      let body: Agreement | undefined;
      const sent = await countSent(t.database, async () => {
        body = (await get(agreement.id)).agreement;
      });
      return { sent, body: expectDefined(body, 'the agreement') };
    };
    const listed = async () => expectDefined((await list({ kommunenummer: '1804', limit: 200 })).items.find((item) => item.id === agreement.id), 'the listed agreement');

    // The row, the municipality's registration periods, the veileder supervisions, the doctor's open
    // agreements and the shares: five statements, sent together on PostgreSQL.
    const alone = await read();
    expect(alone.sent).toEqual({ statements: 5, roundTrips: TEST_DATABASE_URL ? 1 : 5 });
    expect(alone.body.currentVeileder?.supervisorId).toBe(supervisor.id);
    expect(alone.body).toEqual(await listed());

    // A second open agreement of the doctor adds its share history (for the overlap), in a round trip of its own.
    await createAgreement(admin, { kommunenummer: '1833', doctorId: doctor.id, positionPercent: 60 });
    const beside = await read();
    expect(beside.sent).toEqual({ statements: 6, roundTrips: TEST_DATABASE_URL ? 2 : 6 });
    expect(codes(beside.body)).toContain('overlapping_agreements');
    expect(beside.body).toEqual(await listed());
  });
});

describe('absences', () => {
  it('moves the planned end date when an absence is added and back when it is removed', async () => {
    const { agreement, etag } = await createAgreement(admin, { startDate: '2024-01-01' });
    expect(agreement.plannedEndDate).toBe('2028-12-31');

    const added = await http(t).post(`${BASE}/${agreement.id}/absences`).set(admin.auth).set('if-match', etag).send({ kind: 'leave', from: '2025-03-01', to: '2025-03-10' }).expect(201);
    const absence = bodyOf(added, contract.absence);
    expect(absence).toMatchObject({ agreementId: agreement.id, kind: 'leave', from: '2025-03-01', to: '2025-03-10' });
    expect(added.headers.location).toBe(`${BASE}/${agreement.id}/absences/${absence.id}`);

    const moved = await get(agreement.id);
    expect(moved.agreement.plannedEndDate).toBe('2029-01-10');
    expect(moved.etag).not.toBe(etag);

    await http(t).post(`${BASE}/${agreement.id}/absences`).set(admin.auth).send({ kind: 'institution_service', from: '2026-01-01', to: '2026-06-30' }).expect(201);
    expect((await get(agreement.id)).agreement.plannedEndDate).toBe(addDays('2029-01-10', 181));

    const listed = bodyOf(await http(t).get(`${BASE}/${agreement.id}/absences`).set(admin.auth).expect(200), contract.absenceList);
    expect(listed.items.map((a) => a.from)).toEqual(['2025-03-01', '2026-01-01']);
    await http(t).get(`${BASE}/${agreement.id}/absences/${absence.id}`).set(admin.auth).expect(200);

    // A stale agreement ETag is refused; the current one is accepted.
    expectProblem(await http(t).delete(`${BASE}/${agreement.id}/absences/${absence.id}`).set(admin.auth).set('if-match', moved.etag), 412, 'precondition_failed');
    const current = await get(agreement.id);
    await http(t).delete(`${BASE}/${agreement.id}/absences/${absence.id}`).set(admin.auth).set('if-match', current.etag).expect(204);
    const back = await get(agreement.id);
    expect(back.agreement.plannedEndDate).toBe(addDays('2028-12-31', 181));
    expect(back.etag).not.toBe(current.etag);
    expectProblem(await http(t).delete(`${BASE}/${agreement.id}/absences/${absence.id}`).set(admin.auth), 404, 'not_found');

    const actions = (await auditOf(agreement.id)).map((entry) => entry.action);
    expect(actions).toEqual(['agreement.absence_removed', 'agreement.absence_added', 'agreement.absence_added', 'agreement.created']);
    const [removed] = await auditOf(agreement.id);
    expect(removed).toMatchObject({ before: { absence: { id: absence.id }, plannedEndDate: addDays('2029-01-10', 181) }, after: { plannedEndDate: addDays('2028-12-31', 181) } });
  });

  it('keeps absences with the recomputed planned end date when the percentage changes', async () => {
    const { agreement } = await createAgreement(admin, { startDate: '2024-01-01', positionPercent: 100 });
    await http(t).post(`${BASE}/${agreement.id}/absences`).set(admin.auth).send({ kind: 'leave', from: '2024-02-01', to: '2024-02-29' }).expect(201);
    const patched = await http(t).patch(`${BASE}/${agreement.id}`).set(admin.auth).send({ positionPercent: 80, positionPercentFrom: '2024-01-01' }).expect(200);
    expect(bodyOf(patched, contract.agreement).plannedEndDate).toBe(plannedEndDate('2024-01-01', 80, [{ from: '2024-02-01', to: '2024-02-29' }]));
  });

  it('refuses an overlapping absence with 422 naming the other', async () => {
    const { agreement } = await createAgreement(admin);
    const first = bodyOf(
      await http(t).post(`${BASE}/${agreement.id}/absences`).set(admin.auth).send({ kind: 'leave', from: '2024-05-01', to: '2024-05-31' }).expect(201),
      contract.absence,
    );
    for (const period of [{ from: '2024-05-31', to: '2024-06-10' }, { from: '2024-04-01', to: '2024-05-01' }, { from: '2024-05-10', to: '2024-05-12' }, { from: '2024-04-01', to: '2024-07-01' }]) {
      const problem = expectProblem(await http(t).post(`${BASE}/${agreement.id}/absences`).set(admin.auth).send({ kind: 'other', ...period }), 422, 'unprocessable');
      expect(problem.overlappingId).toBe(first.id);
    }
    await http(t).post(`${BASE}/${agreement.id}/absences`).set(admin.auth).send({ kind: 'other', from: '2024-06-01', to: '2024-06-01' }).expect(201);
  });

  it('lets only one of two concurrent overlapping absences in', async () => {
    const { agreement } = await createAgreement(admin);
    const responses = await Promise.all([
      http(t).post(`${BASE}/${agreement.id}/absences`).set(admin.auth).send({ kind: 'leave', from: '2024-09-01', to: '2024-09-30' }),
      http(t).post(`${BASE}/${agreement.id}/absences`).set(admin.auth).send({ kind: 'leave', from: '2024-09-15', to: '2024-10-15' }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 422]);
    const listed = bodyOf(await http(t).get(`${BASE}/${agreement.id}/absences`).set(admin.auth).expect(200), contract.absenceList);
    expect(listed.items).toHaveLength(1);
  });

  it('answers 400 when to is before from, and for unknown fields', async () => {
    const { agreement } = await createAgreement(admin);
    const problem = expectProblem(await http(t).post(`${BASE}/${agreement.id}/absences`).set(admin.auth).send({ kind: 'leave', from: '2024-05-10', to: '2024-05-01' }), 400, 'validation_failed');
    expect(problem.errors.map((e) => e.path)).toEqual(['to']);
    expectProblem(await http(t).post(`${BASE}/${agreement.id}/absences`).set(admin.auth).send({ kind: 'holiday', from: '2024-05-01', to: '2024-05-02', x: 1 }), 400, 'validation_failed');
  });

  it('refuses absence changes on a closed agreement', async () => {
    const { agreement } = await createAgreement(admin);
    await activate(agreement.id);
    await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'terminated', endDate: '2025-01-01', endReason: 'other' }).expect(200);
    expectProblem(await http(t).post(`${BASE}/${agreement.id}/absences`).set(admin.auth).send({ kind: 'leave', from: '2024-05-01', to: '2024-05-02' }), 409, 'conflict');
  });
});

describe('warnings', () => {
  it('computes when service did not count over the whole period, from the registration history', async () => {
    const create = async (kommunenummer: string, startDate: string) => (await createAgreement(admin, { kommunenummer, startDate })).agreement;
    const periodsAndCodes = (agreement: Agreement) => ({
      periods: agreement.nonCountingPeriods,
      codes: codes(agreement).filter((code) => code === 'municipality_not_registered' || code === 'service_did_not_count'),
    });

    // 1832: no registration at all: never counted, and still not.
    expect(periodsAndCodes(await create('1832', '2024-01-01'))).toEqual({
      periods: [{ from: '2024-01-01', to: null }],
      codes: ['municipality_not_registered'],
    });

    // 1827: applied 2024-02-01, agreement from 2024-03-01, rejected 2025-01-10: the rejection after the start shows.
    await insertRegistration(t, '1827', { status: 'rejected', applicationDate: '2024-02-01' }, [
      { from: 'not_registered', to: 'preparing', date: '2024-01-05' },
      { from: 'preparing', to: 'applied', date: '2024-02-01' },
      { from: 'applied', to: 'rejected', date: '2025-01-10' },
    ]);
    expect(periodsAndCodes(await create('1827', '2024-03-01'))).toEqual({
      periods: [{ from: '2025-01-10', to: null }],
      codes: ['municipality_not_registered'],
    });

    // 1834: agreement from 2025-01-01, applied 2025-03-01, registered 2025-09-01: counted since, so no
    // warning today, but the first two months did not count.
    await insertRegistration(t, '1834', { status: 'registered', applicationDate: '2025-03-01', registeredFrom: '2025-03-01' }, [
      { from: 'not_registered', to: 'preparing', date: '2025-01-10' },
      { from: 'preparing', to: 'applied', date: '2025-03-01' },
      { from: 'applied', to: 'registered', date: '2025-09-01' },
    ]);
    expect(periodsAndCodes(await create('1834', '2025-01-01'))).toEqual({
      periods: [{ from: '2025-01-01', to: '2025-02-28' }],
      codes: ['service_did_not_count'],
    });

    // 1833: applied before the start, registered later: always counted.
    await insertRegistration(t, '1833', { status: 'registered', applicationDate: '2023-05-01', registeredFrom: '2023-05-01' }, [
      { from: 'not_registered', to: 'preparing', date: '2023-01-10' },
      { from: 'preparing', to: 'applied', date: '2023-05-01' },
      { from: 'applied', to: 'registered', date: '2024-03-01' },
    ]);
    expect(periodsAndCodes(await create('1833', '2024-01-01'))).toEqual({ periods: [], codes: [] });

    // 1835: deregistered after the start.
    await insertRegistration(t, '1835', { status: 'deregistered', applicationDate: '2021-01-01', registeredFrom: '2021-01-01' }, [
      { from: 'not_registered', to: 'preparing', date: '2020-11-01' },
      { from: 'preparing', to: 'applied', date: '2021-01-01' },
      { from: 'applied', to: 'registered', date: '2021-06-01' },
      { from: 'registered', to: 'deregistered', date: '2025-06-30' },
    ]);
    expect(periodsAndCodes(await create('1835', '2024-01-01'))).toEqual({
      periods: [{ from: '2025-06-30', to: null }],
      codes: ['municipality_not_registered'],
    });

    // 1836: an application sent before 1 June 2019 counts from 1 March 2019.
    await insertRegistration(t, '1836', { status: 'registered', applicationDate: '2019-05-15', registeredFrom: '2019-03-01' }, [
      { from: 'preparing', to: 'applied', date: '2019-05-15' },
      { from: 'applied', to: 'registered', date: '2019-10-01' },
    ]);
    expect(periodsAndCodes(await create('1836', '2019-04-01'))).toEqual({ periods: [], codes: [] });

    // 1837: no recorded history (imported): its current status and the date it counts from.
    await insertRegistration(t, '1837', { status: 'applied', applicationDate: '2023-09-01' });
    expect(periodsAndCodes(await create('1837', '2024-01-01'))).toEqual({ periods: [], codes: [] });
    expect(periodsAndCodes(await create('1837', '2023-08-01'))).toEqual({
      periods: [{ from: '2023-08-01', to: '2023-08-31' }],
      codes: ['service_did_not_count'],
    });
  });

  it('does not move the planned end date for periods that did not count, and ends them with a closed agreement', async () => {
    const { agreement } = await createAgreement(admin, { kommunenummer: '1832', startDate: '2024-01-01' });
    expect(agreement.plannedEndDate).toBe(plannedEndDate('2024-01-01', 100));
    await activate(agreement.id);
    const closed = bodyOf(
      await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'terminated', endDate: '2024-12-31', endReason: 'left_position' }).expect(200),
      contract.agreement,
    );
    expect(closed.nonCountingPeriods).toEqual([{ from: '2024-01-01', to: '2024-12-31' }]);
    expect(closed.warnings).toEqual([]);
  });

  it('flags an active agreement without a veileder, but not a draft', async () => {
    const { agreement } = await createAgreement(admin);
    expect(codes(agreement)).not.toContain('no_active_veileder');
    const active = await activate(agreement.id);
    expect(codes(active)).toContain('no_active_veileder');
  });

  it('flags an active agreement that ends within six months', async () => {
    const today = todayInNorway();
    const startDate = addDays(addYears(today, -5), 60); // planned end about two months from now
    const { agreement } = await createAgreement(admin, { kommunenummer: '1838', startDate });
    expect(agreement.plannedEndDate <= addMonths(today, 6)).toBe(true);
    expect(codes(agreement)).not.toContain('ends_within_6_months');
    expect(codes(await activate(agreement.id))).toContain('ends_within_6_months');

    const { agreement: later } = await createAgreement(admin, { kommunenummer: '1839', startDate: addYears(today, -1) });
    expect(codes(await activate(later.id))).not.toContain('ends_within_6_months');
  });

  it('flags a doctor employed through a staffing agency, and no warnings once closed', async () => {
    const { agreement } = await createAgreement(admin, { viaStaffingAgency: true });
    expect(codes(agreement)).toContain('via_staffing_agency');
    const fixed = await http(t).patch(`${BASE}/${agreement.id}`).set(admin.auth).send({ viaStaffingAgency: false }).expect(200);
    expect(codes(bodyOf(fixed, contract.agreement))).not.toContain('via_staffing_agency');

    await activate(agreement.id);
    const closed = await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'terminated', endDate: '2024-02-01', endReason: 'no_grant' }).expect(200);
    expect(bodyOf(closed, contract.agreement).warnings).toEqual([]);
  });

  it('shows the same warnings in the list as on the single read', async () => {
    const { id: doctorId } = await insertDoctor(t);
    const { agreement } = await createAgreement(admin, { doctorId, viaStaffingAgency: true, kommunenummer: '1840' });
    await activate(agreement.id);
    const single = await get(agreement.id);
    const [listed] = (await list({ doctorId })).items;
    expect(listed).toEqual(single.agreement);
  });
});
