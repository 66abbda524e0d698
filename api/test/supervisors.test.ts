import { randomUUID } from 'node:crypto';
import * as contract from '@alis/shared';
import { type Page, type Supervisor, addDays, todayInNorway } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, bodoClient, directorate, nordOffice, osloClient, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf, expectDefined } from './support/expect.js';
import { type Caller, auditTrail, expectProblem, http } from './support/factories.js';
import { freshHprNumber, insertAgreement, insertDoctor, insertSupervision as insertSupervisionRow } from './support/rows.js';

const supervisorPage = contract.supervisorPage;

const DEFAULT_CAPACITY = 3;
const today = todayInNorway();
const yesterday = addDays(today, -1);
const tomorrow = addDays(today, 1);

useCast({ VEILEDER_DEFAULT_CAPACITY: String(DEFAULT_CAPACITY) });

const hpr = freshHprNumber;
const tag = () => `Veileder${randomUUID().slice(0, 8)}`;

async function createSupervisor(caller: Caller, body: Record<string, unknown> = {}) {
  const response = await http(t)
    .post('/api/v1/supervisors')
    .set(caller.auth)
    .send({ hprNumber: hpr(), name: `Siri ${tag()}`, specialistInGeneralPractice: true, ...body });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return bodyOf(response, contract.supervisorDetail);
}

/**
 * One agreement (with a fresh doctor) in `kommunenummer` and a supervision of it by `supervisorId`.
 * Set up directly in the database: the agreements API is another module's business.
 */
async function insertSupervision(
  supervisorId: string,
  kommunenummer: string,
  options: { role?: 'veileder' | 'supervisor' | 'group_leader'; from?: string; to?: string | null; doctorName?: string } = {},
) {
  const doctor = await insertDoctor(t, { name: options.doctorName ?? `ALIS ${tag()}` });
  const agreement = await insertAgreement(t, { doctorId: doctor.id, kommunenummer, employmentForm: 'self_employed' });
  const supervision = await insertSupervisionRow(t, {
    agreementId: agreement.id,
    supervisorId,
    role: options.role,
    from: options.from ?? yesterday,
    to: options.to,
  });
  return { doctor, agreement, supervision };
}

const list = async (caller: Caller, query: Record<string, string | number>) =>
  bodyOf(await http(t).get('/api/v1/supervisors').query(query).set(caller.auth).expect(200), supervisorPage);
/** A page that must hold supervisors in full (no look-up reference). */
const listInScope = async (caller: Caller, query: Record<string, string | number>) =>
  bodyOf(await http(t).get('/api/v1/supervisors').query(query).set(caller.auth).expect(200), contract.pageOf(contract.supervisor));
const get = async (caller: Caller, id: string) =>
  bodyOf(await http(t).get(`/api/v1/supervisors/${id}`).set(caller.auth).expect(200), contract.supervisorDetail);
const auditOf = (supervisorId: string) => auditTrail(t, admin, { entityType: 'supervisor', entityId: supervisorId });

describe('POST /api/v1/supervisors', () => {
  it('registers a supervisor with the configured default capacity, Location and ETag, and audits it', async () => {
    const response = await http(t)
      .post('/api/v1/supervisors')
      .set(nordOffice.auth)
      .send({
        hprNumber: '0012345678',
        name: ' Siri Veileder ',
        email: 'Siri@Example.no',
        workplaceKommunenummer: '1804',
        specialistInGeneralPractice: true,
        specialistApprovedOn: '2015-06-01',
        courseCompletedOn: '2020-03-12',
      })
      .expect(201);
    const created = bodyOf(response, contract.supervisorDetail);
    expect(created).toMatchObject({
      hprNumber: '12345678',
      name: 'Siri Veileder',
      email: 'siri@example.no',
      workplaceKommunenummer: '1804',
      specialistInGeneralPractice: true,
      specialistApprovedOn: '2015-06-01',
      exemptionUntil: null,
      courseCompletedOn: '2020-03-12',
      capacity: DEFAULT_CAPACITY,
      qualifiedToday: true,
      currentLoad: 0,
      supervisions: [],
      version: 1,
    });
    expect(created).not.toHaveProperty('createdByOfficeCode');
    expect(response.headers.location).toBe(`/api/v1/supervisors/${created.id}`);
    expect(response.headers.etag).toBe('"v1"');
    expect(await get(admin, created.id)).toEqual(created);

    expect(await auditOf(created.id)).toEqual([
      expect.objectContaining({
        action: 'supervisor.created',
        actorId: nordOffice.id,
        after: expect.objectContaining({ hprNumber: '12345678', capacity: DEFAULT_CAPACITY, createdByOfficeCode: 'nord' }),
      }),
    ]);
  });

  it('takes an explicit capacity', async () => {
    expect((await createSupervisor(admin, { capacity: 7 })).capacity).toBe(7);
    expectProblem(
      await http(t).post('/api/v1/supervisors').set(admin.auth).send({ hprNumber: hpr(), name: 'X', specialistInGeneralPractice: true, capacity: 0 }),
      400,
      'validation_failed',
    );
  });

  it('rejects HPR numbers of 6 or 10 digits, unknown fields and a missing specialist flag', async () => {
    for (const hprNumber of ['123456', '1234567890']) {
      const response = await http(t).post('/api/v1/supervisors').set(admin.auth).send({ hprNumber, name: 'Feil', specialistInGeneralPractice: true });
      expect(expectProblem(response, 400, 'validation_failed').errors.map((e) => e.path)).toEqual(['hprNumber']);
    }
    const response = await http(t)
      .post('/api/v1/supervisors')
      .set(admin.auth)
      .send({ hprNumber: hpr(), name: 'Ukjent', currentLoad: 0, createdByOfficeCode: 'nord' });
    expect(expectProblem(response, 400, 'validation_failed').errors.map((e) => e.path).sort()).toEqual([
      'createdByOfficeCode',
      'currentLoad',
      'specialistInGeneralPractice',
    ]);
  });

  it('rejects a workplace that is not a municipality', async () => {
    const response = await http(t)
      .post('/api/v1/supervisors')
      .set(admin.auth)
      .send({ hprNumber: hpr(), name: 'Ingen Steds', specialistInGeneralPractice: true, workplaceKommunenummer: '9999' });
    expect(expectProblem(response, 400, 'validation_failed').errors).toEqual([
      {
        path: 'workplaceKommunenummer',
        code: 'unknown_reference',
        message: 'no municipality has the number 9999',
        params: { entity: 'municipality', value: '9999' },
      },
    ]);
  });

  it('requires a specialist for a specialist approval date, and keeps an exemption on a specialist without needing it', async () => {
    const response = await http(t)
      .post('/api/v1/supervisors')
      .set(admin.auth)
      .send({ hprNumber: hpr(), name: 'Ikke Spesialist', specialistInGeneralPractice: false, specialistApprovedOn: '2020-01-01' });
    expect(expectProblem(response, 400, 'validation_failed').errors.map((e) => e.path)).toEqual(['specialistApprovedOn']);

    const specialist = await createSupervisor(admin, { specialistInGeneralPractice: true, exemptionUntil: yesterday });
    expect(specialist).toMatchObject({ exemptionUntil: yesterday, qualifiedToday: true });
    const cleared = await createSupervisor(admin, { specialistInGeneralPractice: false, specialistApprovedOn: null });
    expect(cleared).toMatchObject({ specialistApprovedOn: null, qualifiedToday: false });
  });

  it('answers 409 naming the existing supervisor, by name only within scope', async () => {
    const existing = await createSupervisor(nordOffice, { name: 'Hemmelig Veiledersen' });
    const own = await http(t)
      .post('/api/v1/supervisors')
      .set(nordOffice.auth)
      .send({ hprNumber: `0${existing.hprNumber}`, name: 'Igjen', specialistInGeneralPractice: true });
    const problem = expectProblem(own, 409, 'already_exists');
    expect(problem).toMatchObject({ existingId: existing.id, detail: `HPR number ${existing.hprNumber} is already registered as Hemmelig Veiledersen.` });

    for (const outsider of [osloOffice, osloClient]) {
      const response = await http(t)
        .post('/api/v1/supervisors')
        .set(outsider.auth)
        .send({ hprNumber: existing.hprNumber, name: 'Annen', specialistInGeneralPractice: true });
      const hidden = expectProblem(response, 409, 'already_exists');
      expect(hidden.existingId).toBe(existing.id);
      expect(JSON.stringify(hidden)).not.toContain('Hemmelig');
    }
  });

  it('lets exactly one of two concurrent creates with the same HPR number win', async () => {
    const number = hpr();
    const send = (name: string) =>
      http(t).post('/api/v1/supervisors').set(admin.auth).send({ hprNumber: number, name, specialistInGeneralPractice: true });
    const [a, b] = await Promise.all([send('Samtidig A'), send('Samtidig B')]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [winner, loser] = a.status === 201 ? [a, b] : [b, a];
    expect(expectProblem(loser, 409, 'already_exists').existingId).toBe(bodyOf(winner, contract.supervisorDetail).id);
  });

  it('makes a municipality\'s client register supervisors working in its own municipality', async () => {
    const created = await createSupervisor(bodoClient);
    expect(created.workplaceKommunenummer).toBe('1804');
    await http(t).get(`/api/v1/supervisors/${created.id}`).set(bodoClient.auth).expect(200);
    for (const workplaceKommunenummer of ['0301', null]) {
      const response = await http(t)
        .post('/api/v1/supervisors')
        .set(bodoClient.auth)
        .send({ hprNumber: hpr(), name: 'Annen Kommune', specialistInGeneralPractice: true, workplaceKommunenummer });
      expect(expectProblem(response, 400, 'validation_failed').errors.map((e) => e.path)).toEqual(['workplaceKommunenummer']);
    }
  });
});

describe('load and qualification', () => {
  it('counts veileder supervisions running today as the current load, and lists the supervisions', async () => {
    const supervisor = await createSupervisor(admin, { capacity: 1 });
    const running = await insertSupervision(supervisor.id, '1804', { from: yesterday, doctorName: 'Aktiv Alis' });
    const endsToday = await insertSupervision(supervisor.id, '0301', { from: '2024-01-01', to: today });
    const ended = await insertSupervision(supervisor.id, '1804', { from: '2024-01-01', to: yesterday });
    const future = await insertSupervision(supervisor.id, '1804', { from: tomorrow });
    const startsToday = await insertSupervision(supervisor.id, '1818', { from: today, role: 'supervisor' });

    const detail = await get(admin, supervisor.id);
    expect(detail.currentLoad).toBe(2);
    expect(detail.supervisions).toEqual([
      {
        supervisionId: future.supervision.id,
        agreementId: future.agreement.id,
        role: 'veileder',
        from: tomorrow,
        to: null,
        active: false,
        doctorName: future.doctor.name,
        kommunenummer: '1804',
      },
      expect.objectContaining({ supervisionId: startsToday.supervision.id, role: 'supervisor', active: true, kommunenummer: '1818' }),
      expect.objectContaining({ supervisionId: running.supervision.id, active: true, doctorName: 'Aktiv Alis', kommunenummer: '1804' }),
      ...[endsToday, ended]
        .sort((a, b) => (a.supervision.id < b.supervision.id ? -1 : 1))
        .map((s): unknown => expect.objectContaining({ supervisionId: s.supervision.id, from: '2024-01-01', active: s === endsToday })),
    ]);

    const [row] = (await list(admin, { hprNumber: supervisor.hprNumber })).items;
    expect(row).toMatchObject({ currentLoad: 2, capacity: 1 });
    expect(row).not.toHaveProperty('supervisions');
  });

  it('filters on over capacity, comparing today\'s load with each supervisor\'s capacity', async () => {
    const name = tag();
    const over = await createSupervisor(admin, { name: `${name} Over`, capacity: 1 });
    const full = await createSupervisor(admin, { name: `${name} Full`, capacity: 2 });
    const idle = await createSupervisor(admin, { name: `${name} Ledig`, capacity: 1 });
    for (const id of [over.id, over.id, full.id, full.id]) await insertSupervision(id, '1804');
    await insertSupervision(idle.id, '1804', { to: yesterday, from: '2024-01-01' });
    await insertSupervision(idle.id, '1804', { role: 'group_leader' });

    const byName = (page: Page<Supervisor>) => Object.fromEntries(page.items.map((s) => [s.name.slice(name.length + 1), s.currentLoad]));
    expect(byName(await listInScope(admin, { q: name }))).toEqual({ Over: 2, Full: 2, Ledig: 0 });
    expect(byName(await listInScope(admin, { q: name, overCapacity: 'true' }))).toEqual({ Over: 2 });
    expect(byName(await listInScope(admin, { q: name, overCapacity: 'false' }))).toEqual({ Full: 2, Ledig: 0 });
    expectProblem(await http(t).get('/api/v1/supervisors').query({ overCapacity: 'yes' }).set(admin.auth), 400, 'validation_failed');
  });

  it('is qualified today as a specialist or with an exemption valid today, and filters on it', async () => {
    const name = tag();
    const specialist = await createSupervisor(admin, { name: `${name} Spesialist`, specialistInGeneralPractice: true });
    const exemptToday = await createSupervisor(admin, { name: `${name} UnntakIdag`, specialistInGeneralPractice: false, exemptionUntil: today });
    const expired = await createSupervisor(admin, { name: `${name} UtloptUnntak`, specialistInGeneralPractice: false, exemptionUntil: yesterday });
    const none = await createSupervisor(admin, { name: `${name} Uten`, specialistInGeneralPractice: false });
    expect([specialist, exemptToday, expired, none].map((s) => s.qualifiedToday)).toEqual([true, true, false, false]);

    const ids = async (qualified: string) => (await list(admin, { q: name, qualified })).items.map((s) => s.id);
    expect(await ids('true')).toEqual([specialist.id, exemptToday.id]);
    expect(await ids('false')).toEqual([none.id, expired.id]);
  });
});

describe('GET and PATCH /api/v1/supervisors/{id}', () => {
  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expectProblem(await http(t).get(`/api/v1/supervisors/${randomUUID()}`).set(admin.auth), 404, 'not_found');
    expectProblem(await http(t).patch(`/api/v1/supervisors/${randomUUID()}`).set(admin.auth).send({ name: 'X' }), 404, 'not_found');
    expectProblem(await http(t).get('/api/v1/supervisors/123').set(admin.auth), 400, 'validation_failed');
  });

  it('updates with If-Match, bumps version and ETag, audits, and answers 412 when stale', async () => {
    const created = await createSupervisor(admin, { name: 'Endre Veileder', specialistInGeneralPractice: false });
    await insertSupervision(created.id, '1804');
    const response = await http(t)
      .patch(`/api/v1/supervisors/${created.id}`)
      .set(admin.auth)
      .set('if-match', '"v1"')
      .send({ specialistInGeneralPractice: true, specialistApprovedOn: '2025-02-01', capacity: 5 })
      .expect(200);
    expect(response.headers.etag).toBe('"v2"');
    const updated = bodyOf(response, contract.supervisorDetail);
    expect(updated).toMatchObject({ version: 2, qualifiedToday: true, capacity: 5, currentLoad: 1 });
    expect(updated.supervisions).toHaveLength(1);

    const stale = await http(t).patch(`/api/v1/supervisors/${created.id}`).set(admin.auth).set('if-match', '"v1"').send({ capacity: 9 });
    expectProblem(stale, 412, 'precondition_failed');
    expect((await get(admin, created.id)).capacity).toBe(5);

    expect((await auditOf(created.id))[0]).toMatchObject({
      action: 'supervisor.updated',
      before: { specialistInGeneralPractice: false, specialistApprovedOn: null, capacity: DEFAULT_CAPACITY },
      after: { specialistInGeneralPractice: true, specialistApprovedOn: '2025-02-01', capacity: 5 },
    });

    const same = await http(t).patch(`/api/v1/supervisors/${created.id}`).set(admin.auth).send({ capacity: 5 }).expect(200);
    expect(same.headers.etag).toBe('"v2"');
  });

  it('checks the specialist fields against the result of the change', async () => {
    const created = await createSupervisor(admin, { specialistInGeneralPractice: true, specialistApprovedOn: '2019-01-01' });
    const response = await http(t).patch(`/api/v1/supervisors/${created.id}`).set(admin.auth).send({ specialistInGeneralPractice: false });
    expect(expectProblem(response, 400, 'validation_failed').errors.map((e) => e.path)).toEqual(['specialistApprovedOn']);
    const ok = await http(t)
      .patch(`/api/v1/supervisors/${created.id}`)
      .set(admin.auth)
      .send({ specialistInGeneralPractice: false, specialistApprovedOn: null, exemptionUntil: tomorrow })
      .expect(200);
    expect(bodyOf(ok, contract.supervisorDetail)).toMatchObject({ specialistInGeneralPractice: false, qualifiedToday: true, version: 2 });
  });

  it('rejects an unknown workplace and unknown fields', async () => {
    const created = await createSupervisor(admin);
    const bad = await http(t).patch(`/api/v1/supervisors/${created.id}`).set(admin.auth).send({ workplaceKommunenummer: '0000' });
    expect(expectProblem(bad, 400, 'validation_failed').errors.map((e) => e.path)).toEqual(['workplaceKommunenummer']);
    const unknown = await http(t).patch(`/api/v1/supervisors/${created.id}`).set(admin.auth).send({ version: 7 });
    expect(expectProblem(unknown, 400, 'validation_failed').errors.map((e) => e.path)).toEqual(['version']);
  });

  it('answers 409 when the new HPR number is taken, also when two changes race', async () => {
    const [first, second, third] = [await createSupervisor(admin, { name: 'Først' }), await createSupervisor(admin), await createSupervisor(admin)];
    const response = await http(t).patch(`/api/v1/supervisors/${second.id}`).set(admin.auth).send({ hprNumber: `00${first.hprNumber}` });
    expect(expectProblem(response, 409, 'already_exists')).toMatchObject({
      existingId: first.id,
      detail: `HPR number ${first.hprNumber} is already registered as Først.`,
    });

    const number = hpr();
    const responses = await Promise.all(
      [second, third].map((s) => http(t).patch(`/api/v1/supervisors/${s.id}`).set(admin.auth).send({ hprNumber: number })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const holder = (await list(admin, { hprNumber: number })).items;
    expect(holder).toHaveLength(1);
    const loser = expectDefined(responses.find((r) => r.status === 409), 'the change that lost');
    expect(expectProblem(loser, 409, 'already_exists').existingId).toBe(expectDefined(holder[0], 'the holder of the number').id);
  });

  it('is refused to the directorate on every endpoint', async () => {
    const created = await createSupervisor(admin);
    expectProblem(await http(t).get('/api/v1/supervisors').set(directorate.auth), 403, 'forbidden');
    expectProblem(await http(t).get(`/api/v1/supervisors/${created.id}`).set(directorate.auth), 403, 'forbidden');
    expectProblem(await http(t).patch(`/api/v1/supervisors/${created.id}`).set(directorate.auth).send({ name: 'X' }), 403, 'forbidden');
    expectProblem(
      await http(t).post('/api/v1/supervisors').set(directorate.auth).send({ hprNumber: hpr(), name: 'X', specialistInGeneralPractice: true }),
      403,
      'forbidden',
    );
  });
});

describe('scope', () => {
  it('hides a supervisor working in another office\'s municipality: 404 on GET and PATCH', async () => {
    const inBodo = await createSupervisor(admin, { workplaceKommunenummer: '1804' });
    await http(t).get(`/api/v1/supervisors/${inBodo.id}`).set(nordOffice.auth).expect(200);
    await http(t).get(`/api/v1/supervisors/${inBodo.id}`).set(bodoClient.auth).expect(200);
    await http(t).patch(`/api/v1/supervisors/${inBodo.id}`).set(bodoClient.auth).send({ phone: '75 00 00 00' }).expect(200);
    for (const outsider of [osloOffice, osloClient]) {
      expectProblem(await http(t).get(`/api/v1/supervisors/${inBodo.id}`).set(outsider.auth), 404, 'not_found');
      expectProblem(await http(t).patch(`/api/v1/supervisors/${inBodo.id}`).set(outsider.auth).send({ name: 'Kapret' }), 404, 'not_found');
    }
    expect((await get(admin, inBodo.id)).name).toBe(inBodo.name);
  });

  it('an office sees the supervisors its users registered, wherever they work', async () => {
    const created = await createSupervisor(osloOffice, { workplaceKommunenummer: '4601' });
    await http(t).get(`/api/v1/supervisors/${created.id}`).set(osloOffice.auth).expect(200);
    expectProblem(await http(t).get(`/api/v1/supervisors/${created.id}`).set(nordOffice.auth), 404, 'not_found');
    expectProblem(await http(t).get(`/api/v1/supervisors/${created.id}`).set(osloClient.auth), 404, 'not_found');
  });

  it('supervising an agreement opens the supervisor to that municipality and its office, showing only their supervisions', async () => {
    const supervisor = await createSupervisor(admin, { workplaceKommunenummer: '1804' });
    const inBodo = await insertSupervision(supervisor.id, '1804');
    expectProblem(await http(t).get(`/api/v1/supervisors/${supervisor.id}`).set(osloClient.auth), 404, 'not_found');
    const inOslo = await insertSupervision(supervisor.id, '0301', { from: '2024-01-01', to: yesterday });

    for (const caller of [osloClient, osloOffice]) {
      const seen = await get(caller, supervisor.id);
      expect(seen.currentLoad).toBe(1);
      expect(seen.supervisions.map((s) => s.supervisionId)).toEqual([inOslo.supervision.id]);
    }
    expect((await get(nordOffice, supervisor.id)).supervisions.map((s) => s.supervisionId)).toEqual([inBodo.supervision.id]);
    expect((await get(admin, supervisor.id)).supervisions.map((s) => s.supervisionId)).toEqual([inBodo.supervision.id, inOslo.supervision.id]);
  });

  it('lists only supervisors in the caller\'s scope; kommunenummer means working or supervising there', async () => {
    const name = tag();
    const bodo = await createSupervisor(admin, { name: `${name} A`, workplaceKommunenummer: '1804' });
    const oslo = await createSupervisor(admin, { name: `${name} B`, workplaceKommunenummer: '0301' });
    const nowhere = await createSupervisor(admin, { name: `${name} C`, workplaceKommunenummer: null });
    const commuter = await createSupervisor(admin, { name: `${name} D`, workplaceKommunenummer: '4601' });
    await insertSupervision(commuter.id, '0301');
    const byNord = await createSupervisor(nordOffice, { name: `${name} E`, workplaceKommunenummer: null });
    const ids = async (caller: Caller, extra: Record<string, string> = {}) =>
      (await list(caller, { q: name, ...extra })).items.map((s) => s.id);

    expect(await ids(admin)).toEqual([bodo.id, oslo.id, nowhere.id, commuter.id, byNord.id]);
    expect(await ids(nordOffice)).toEqual([bodo.id, byNord.id]);
    expect(await ids(osloOffice)).toEqual([oslo.id, commuter.id]);
    expect(await ids(osloClient)).toEqual([oslo.id, commuter.id]);
    expect(await ids(bodoClient)).toEqual([bodo.id]);
    expect(await ids(admin, { kommunenummer: '0301' })).toEqual([oslo.id, commuter.id]);
    expect(await ids(admin, { kommunenummer: '4601' })).toEqual([commuter.id]);
    expect(await ids(nordOffice, { kommunenummer: '0301' })).toEqual([]);
  });

  it('finds a supervisor by exact HPR number whatever the scope', async () => {
    const supervisor = await createSupervisor(nordOffice, { workplaceKommunenummer: '1804' });
    await createSupervisor(admin, { hprNumber: `${supervisor.hprNumber}9` });
    for (const caller of [osloOffice, osloClient]) {
      const page = await list(caller, { hprNumber: `00${supervisor.hprNumber}` });
      expect(page).toEqual({ items: [{ id: supervisor.id, hprNumber: supervisor.hprNumber, restricted: true }], nextCursor: null, total: { count: 1, exact: true } });
    }
    for (const caller of [bodoClient, nordOffice]) {
      const page = await list(caller, { hprNumber: `00${supervisor.hprNumber}` });
      expect(page.nextCursor).toBeNull();
      expect(page.items).toEqual([expect.objectContaining({ id: supervisor.id, name: supervisor.name })]);
    }
    expect((await list(osloOffice, { q: supervisor.hprNumber })).items).toEqual([]);
  });

  it('refuses a change that would move the supervisor out of the caller\'s scope', async () => {
    const created = await createSupervisor(bodoClient);
    const response = await http(t).patch(`/api/v1/supervisors/${created.id}`).set(bodoClient.auth).send({ workplaceKommunenummer: '0301', name: 'Flyttet' });
    expect(expectProblem(response, 400, 'validation_failed').errors.map((e) => e.path)).toEqual(['workplaceKommunenummer']);
    expect(await get(bodoClient, created.id)).toMatchObject({ workplaceKommunenummer: '1804', name: created.name, version: 1 });

    // Once it supervises an agreement here, it may work elsewhere and stay in scope.
    await insertSupervision(created.id, '1804');
    await http(t).patch(`/api/v1/supervisors/${created.id}`).set(bodoClient.auth).send({ workplaceKommunenummer: '1818' }).expect(200);
  });
});

describe('GET /api/v1/supervisors', () => {
  it('orders by name then id and pages with an opaque cursor', async () => {
    const name = tag();
    const [berit, arne1, arne2, cato, arne3] = [
      await createSupervisor(admin, { name: `${name} Berit` }),
      await createSupervisor(admin, { name: `${name} Arne` }),
      await createSupervisor(admin, { name: `${name} Arne` }),
      await createSupervisor(admin, { name: `${name} Cato` }),
      await createSupervisor(admin, { name: `${name} Arne` }),
    ];
    const arne = [arne1, arne2, arne3].map((s) => s.id).sort();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Supervisor> = await listInScope(admin, { q: name, limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...arne, berit.id, cato.id]);
    expectProblem(await http(t).get('/api/v1/supervisors').query({ cursor: 'bm9wZQ' }).set(admin.auth), 400, 'invalid_cursor');
  });

  it('matches part of the name ignoring case, or the start of the HPR number', async () => {
    const name = tag();
    const supervisor = await createSupervisor(admin, { name: `Tone ${name} Li`, hprNumber: '5551234' });
    expect((await list(admin, { q: name.toUpperCase() })).items.map((s) => s.id)).toEqual([supervisor.id]);
    expect((await list(admin, { q: '555123' })).items.map((s) => s.id)).toEqual([supervisor.id]);
    expect((await list(admin, { q: '1234' })).items.map((s) => s.id)).not.toContain(supervisor.id);
    expect((await list(admin, { q: '%' })).items).toEqual([]);
  });
});
