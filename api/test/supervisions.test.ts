import * as contract from '@alis/shared';
import { type Agreement, type Page, addDays, todayInNorway } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, bodoClient, heroyClient, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf, etagOf, expectDefined } from './support/expect.js';
import { type Caller, auditTrail, expectProblem, http } from './support/factories.js';
import { insertDoctor, insertSupervisor } from './support/rows.js';

const BASE = '/api/v1/agreements';

useCast();

/** A supervisor set up directly in the database (the supervisors API is another module's business), by id. */
const newSupervisorId = async (options?: Parameters<typeof insertSupervisor>[1]) => (await insertSupervisor(t, options)).id;

/** An active agreement (signed, started 2024-01-01) in a Nordland municipality. */
async function activeAgreement(kommunenummer = '1804', caller: Caller = admin): Promise<Agreement> {
  const created = await http(t)
    .post(BASE)
    .set(caller.auth)
    .send({ kommunenummer, doctorId: (await insertDoctor(t)).id, employmentForm: 'salaried', position: 'gp', positionPercent: 100, signedOn: '2023-12-01', startDate: '2024-01-01' })
    .expect(201);
  const { id } = bodyOf(created, contract.agreement);
  return bodyOf(await http(t).post(`${BASE}/${id}/transitions`).set(caller.auth).send({ to: 'active' }).expect(200), contract.agreement);
}

const supervise = (agreementId: string, body: Record<string, unknown>, caller: Caller = admin) =>
  http(t).post(`${BASE}/${agreementId}/supervisions`).set(caller.auth).send(body);
const endSupervision = (agreementId: string, supervisionId: string, to: string, caller: Caller = admin) =>
  http(t).patch(`${BASE}/${agreementId}/supervisions/${supervisionId}`).set(caller.auth).send({ to });
const getAgreement = async (id: string) => bodyOf(await http(t).get(`${BASE}/${id}`).set(admin.auth).expect(200), contract.agreement);
const codes = (agreement: Agreement) => agreement.warnings.map((warning) => warning.code);
const listSupervisions = async (agreementId: string) =>
  bodyOf(await http(t).get(`${BASE}/${agreementId}/supervisions`).set(admin.auth).expect(200), contract.supervisionList).items;
const list = async (query: Record<string, string | number>) => bodyOf(await http(t).get(BASE).query(query).set(admin.auth).expect(200), contract.agreementPage);
const auditOf = (supervisionId: string) => auditTrail(t, admin, { entityType: 'supervision', entityId: supervisionId });

describe('veileder', () => {
  it('adds a qualified veileder: 201 with Location and ETag, the agreement shows it and loses the warning', async () => {
    const agreement = await activeAgreement();
    expect(codes(agreement)).toContain('no_active_veileder');
    const supervisorId = await newSupervisorId({ name: 'Vera Veileder' });

    const response = await supervise(agreement.id, { supervisorId, role: 'veileder', from: '2024-01-01' }).expect(201);
    const created = bodyOf(response, contract.supervision);
    expect(created).toMatchObject({ agreementId: agreement.id, supervisorId, supervisorName: 'Vera Veileder', role: 'veileder', from: '2024-01-01', to: null, active: true, version: 1 });
    expect(response.headers.location).toBe(`${BASE}/${agreement.id}/supervisions/${created.id}`);
    expect(response.headers.etag).toBe('"v1"');

    const after = await getAgreement(agreement.id);
    expect(after.currentVeileder).toEqual({ supervisionId: created.id, supervisorId, name: 'Vera Veileder' });
    expect(codes(after)).not.toContain('no_active_veileder');
    expect(codes(after)).not.toContain('veileder_not_qualified');
    expect(codes(after)).not.toContain('veileder_over_capacity');

    const fetched = await http(t).get(`${BASE}/${agreement.id}/supervisions/${created.id}`).set(admin.auth).expect(200);
    expect(bodyOf(fetched, contract.supervision)).toEqual(created);
  });

  it('answers 400 naming supervisorId when the supervisor does not exist', async () => {
    const agreement = await activeAgreement();
    const problem = expectProblem(
      await supervise(agreement.id, { supervisorId: '00000000-0000-4000-8000-000000000000', role: 'veileder', from: '2024-01-01' }),
      400,
      'validation_failed',
    );
    expect(problem.errors.map((e) => e.path)).toEqual(['supervisorId']);
  });

  it('answers 422 for a veileder who is neither specialist nor exempt on the start date', async () => {
    const agreement = await activeAgreement();
    const unqualified = await newSupervisorId({ specialist: false });
    const problem = expectProblem(await supervise(agreement.id, { supervisorId: unqualified, role: 'veileder', from: '2024-01-01' }), 422, 'unprocessable');
    expect(problem.errors.map((e) => e.path)).toEqual(['supervisorId']);

    const expiredBeforeStart = await newSupervisorId({ specialist: false, exemptionUntil: '2024-03-31' });
    expectProblem(await supervise(agreement.id, { supervisorId: expiredBeforeStart, role: 'veileder', from: '2024-04-01' }), 422, 'unprocessable');
    // The same person may be a clinical supervisor: no qualification needed.
    await supervise(agreement.id, { supervisorId: unqualified, role: 'supervisor', from: '2024-01-01' }).expect(201);
    // Exempt on the start date: accepted.
    await supervise(agreement.id, { supervisorId: expiredBeforeStart, role: 'veileder', from: '2024-03-31' }).expect(201);
    expect(await listSupervisions(agreement.id)).toHaveLength(2);
  });

  it('refuses a second veileder whose period overlaps the current one, naming it', async () => {
    const agreement = await activeAgreement();
    const first = bodyOf(await supervise(agreement.id, { supervisorId: await newSupervisorId(), role: 'veileder', from: '2024-01-01' }).expect(201), contract.supervision);
    const other = await newSupervisorId({ name: 'Nils Ny' });
    for (const period of [{ from: '2024-06-01' }, { from: '2023-01-01', to: '2024-01-01' }, { from: '2030-01-01' }]) {
      const problem = expectProblem(await supervise(agreement.id, { supervisorId: other, role: 'veileder', ...period }), 409, 'conflict');
      expect(problem.existingId).toBe(first.id);
      // What a client needs to word it in its own language.
      expect(problem).toMatchObject({ reason: 'one_veileder_at_a_time', from: '2024-01-01', to: null, supervisorName: first.supervisorName });
    }
    // Before the current one, without touching it: fine.
    await supervise(agreement.id, { supervisorId: other, role: 'veileder', from: '2023-06-01', to: '2023-12-31' }).expect(201);
  });

  it('accepts a new veileder after the current one is ended, and not on its last day', async () => {
    const agreement = await activeAgreement();
    const first = bodyOf(await supervise(agreement.id, { supervisorId: await newSupervisorId(), role: 'veileder', from: '2024-01-01' }).expect(201), contract.supervision);
    const ended = await endSupervision(agreement.id, first.id, '2024-12-31').expect(200);
    expect(bodyOf(ended, contract.supervision)).toMatchObject({ id: first.id, to: '2024-12-31', active: false, version: 2 });
    expect(ended.headers.etag).toBe('"v2"');

    const next = await newSupervisorId({ name: 'Nina Neste' });
    expectProblem(await supervise(agreement.id, { supervisorId: next, role: 'veileder', from: '2024-12-31' }), 409, 'conflict');
    const second = bodyOf(await supervise(agreement.id, { supervisorId: next, role: 'veileder', from: '2025-01-01' }).expect(201), contract.supervision);
    expect((await getAgreement(agreement.id)).currentVeileder?.supervisionId).toBe(second.id);

    // Moving the first one's end into the second's period is refused as well.
    expectProblem(await endSupervision(agreement.id, first.id, '2025-02-01'), 409, 'conflict');
  });

  it('lets exactly one of two concurrent veileders in', async () => {
    const agreement = await activeAgreement();
    const [a, b] = [await newSupervisorId(), await newSupervisorId()];
    const responses = await Promise.all([
      supervise(agreement.id, { supervisorId: a, role: 'veileder', from: '2024-01-01' }),
      supervise(agreement.id, { supervisorId: b, role: 'veileder', from: '2024-02-01' }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await listSupervisions(agreement.id)).filter((s) => s.role === 'veileder')).toHaveLength(1);
  });

  it('allows several clinical supervisors and group leaders at once', async () => {
    const agreement = await activeAgreement();
    for (const role of ['supervisor', 'supervisor', 'group_leader', 'group_leader']) {
      await supervise(agreement.id, { supervisorId: await newSupervisorId({ specialist: false }), role, from: '2024-01-01' }).expect(201);
    }
    const items = await listSupervisions(agreement.id);
    expect(items.map((s) => s.role).sort()).toEqual(['group_leader', 'group_leader', 'supervisor', 'supervisor']);
    // They do not count as a veileder.
    expect(codes(await getAgreement(agreement.id))).toContain('no_active_veileder');
  });
});

describe('ending a supervision', () => {
  it('answers 400 when to is before from, 412 to a stale If-Match, 404 for an unknown one', async () => {
    const agreement = await activeAgreement();
    const created = await supervise(agreement.id, { supervisorId: await newSupervisorId(), role: 'supervisor', from: '2024-03-01' }).expect(201);
    const supervision = bodyOf(created, contract.supervision);
    const early = expectProblem(await endSupervision(agreement.id, supervision.id, '2024-02-28'), 400, 'validation_failed');
    expect(early.errors.map((e) => e.path)).toEqual(['to']);
    expectProblem(await http(t).patch(`${BASE}/${agreement.id}/supervisions/${supervision.id}`).set(admin.auth).send({ to: '2024-05-01', from: '2024-01-01' }), 400, 'validation_failed');

    await http(t).patch(`${BASE}/${agreement.id}/supervisions/${supervision.id}`).set(admin.auth).set('if-match', etagOf(created)).send({ to: '2024-03-01' }).expect(200);
    expectProblem(
      await http(t).patch(`${BASE}/${agreement.id}/supervisions/${supervision.id}`).set(admin.auth).set('if-match', etagOf(created)).send({ to: '2024-04-01' }),
      412,
      'precondition_failed',
    );
    expectProblem(await endSupervision(agreement.id, '00000000-0000-4000-8000-000000000000', '2024-04-01'), 404, 'not_found');
    // A supervision of another agreement is not found under this one.
    const other = await activeAgreement();
    expectProblem(await endSupervision(other.id, supervision.id, '2024-04-01'), 404, 'not_found');
  });

  it('audits creating and ending', async () => {
    const agreement = await activeAgreement();
    const supervisorId = await newSupervisorId();
    const created = bodyOf(await supervise(agreement.id, { supervisorId, role: 'veileder', from: '2024-01-01' }, nordOffice).expect(201), contract.supervision);
    await endSupervision(agreement.id, created.id, '2024-06-30', nordOffice).expect(200);
    const audit = await auditOf(created.id);
    expect(audit.map((entry) => entry.action)).toEqual(['supervision.ended', 'supervision.created']);
    expect(audit[1]).toMatchObject({ actorId: nordOffice.id, after: { agreementId: agreement.id, supervisorId, role: 'veileder', from: '2024-01-01', to: null } });
    expect(audit[0]).toMatchObject({ before: { to: null }, after: { to: '2024-06-30' } });
  });

  it('refuses new supervisions on a closed agreement but lets their end be set', async () => {
    const agreement = await activeAgreement();
    const created = bodyOf(await supervise(agreement.id, { supervisorId: await newSupervisorId(), role: 'veileder', from: '2024-01-01' }).expect(201), contract.supervision);
    await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'terminated', endDate: '2024-09-30', endReason: 'left_position' }).expect(200);
    expectProblem(await supervise(agreement.id, { supervisorId: await newSupervisorId(), role: 'supervisor', from: '2024-01-01' }), 409, 'conflict');
    await endSupervision(agreement.id, created.id, '2024-09-15').expect(200);
  });

  it('ends the supervisions still running when the agreement closes, and audits it', async () => {
    const agreement = await activeAgreement();
    const veileder = bodyOf(await supervise(agreement.id, { supervisorId: await newSupervisorId(), role: 'veileder', from: '2024-01-01' }).expect(201), contract.supervision);
    const endedEarlier = bodyOf(await supervise(agreement.id, { supervisorId: await newSupervisorId(), role: 'supervisor', from: '2024-01-01', to: '2024-03-31' }).expect(201), contract.supervision);
    const runsLonger = bodyOf(await supervise(agreement.id, { supervisorId: await newSupervisorId(), role: 'group_leader', from: '2024-01-01', to: '2025-12-31' }).expect(201), contract.supervision);
    await http(t).post(`${BASE}/${agreement.id}/transitions`).set(admin.auth).send({ to: 'terminated', endDate: '2024-09-30', endReason: 'left_position' }).expect(200);

    const byId = new Map((await listSupervisions(agreement.id)).map((s) => [s.id, s]));
    expect(byId.get(veileder.id)).toMatchObject({ to: '2024-09-30', active: false, version: 2 });
    expect(byId.get(endedEarlier.id)).toMatchObject({ to: '2024-03-31', version: 1 });
    expect(byId.get(runsLonger.id)).toMatchObject({ to: '2024-09-30', version: 2 });
    expect((await getAgreement(agreement.id)).currentVeileder).toBeNull();
    const audit = await auditOf(veileder.id);
    expect(audit[0]).toMatchObject({ action: 'supervision.ended', before: { to: null }, after: { to: '2024-09-30' } });
  });
});

describe('veileder warnings', () => {
  it('flags a veileder whose exemption has run out since the start', async () => {
    const agreement = await activeAgreement();
    const exempt = await newSupervisorId({ name: 'Erik Unntak', specialist: false, exemptionUntil: '2024-06-30' });
    await supervise(agreement.id, { supervisorId: exempt, role: 'veileder', from: '2024-01-01' }).expect(201);
    const after = await getAgreement(agreement.id);
    expect(codes(after)).toContain('veileder_not_qualified');
    expect(after.warnings.find((w) => w.code === 'veileder_not_qualified')?.message).toContain('Erik Unntak');
    expect(codes(after)).not.toContain('no_active_veileder');

    // Still exempt today: no warning.
    const stillExempt = await newSupervisorId({ specialist: false, exemptionUntil: addDays(todayInNorway(), 30) });
    const other = await activeAgreement();
    await supervise(other.id, { supervisorId: stillExempt, role: 'veileder', from: '2024-01-01' }).expect(201);
    expect(codes(await getAgreement(other.id))).not.toContain('veileder_not_qualified');
  });

  it('flags a veileder above capacity on every agreement they follow, without refusing the supervision', async () => {
    const busy = await newSupervisorId({ name: 'Berit Travel', capacity: 1 });
    const first = await activeAgreement('1804');
    await supervise(first.id, { supervisorId: busy, role: 'veileder', from: '2024-01-01' }).expect(201);
    expect(codes(await getAgreement(first.id))).not.toContain('veileder_over_capacity');

    const second = await activeAgreement('1806');
    await supervise(second.id, { supervisorId: busy, role: 'veileder', from: '2024-01-01' }).expect(201);
    for (const id of [first.id, second.id]) {
      const agreement = await getAgreement(id);
      expect(codes(agreement)).toContain('veileder_over_capacity');
      expect(agreement.warnings.find((w) => w.code === 'veileder_over_capacity')?.message).toContain('2 ALIS');
    }
    // The list computes the same for the whole page.
    const page = await list({ supervisorId: busy });
    expect(page.items.map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
    expect(page.items.every((a) => codes(a).includes('veileder_over_capacity'))).toBe(true);

    // A supervision that has ended no longer counts.
    const supervisions = await listSupervisions(second.id);
    await endSupervision(second.id, expectDefined(supervisions[0], 'the second agreement\'s supervision').id, '2024-12-31').expect(200);
    expect(codes(await getAgreement(first.id))).not.toContain('veileder_over_capacity');

    // Nor does the veileder of an agreement that has closed.
    const third = await activeAgreement('1820');
    await supervise(third.id, { supervisorId: busy, role: 'veileder', from: '2024-01-01' }).expect(201);
    expect(codes(await getAgreement(first.id))).toContain('veileder_over_capacity');
    await http(t).post(`${BASE}/${third.id}/transitions`).set(admin.auth).send({ to: 'terminated', endDate: '2024-12-31', endReason: 'no_grant' }).expect(200);
    expect(codes(await getAgreement(first.id))).not.toContain('veileder_over_capacity');
  });
});

describe('list filters on supervision', () => {
  it('filters supervisorId over any role and hasVeileder on today', async () => {
    const veileder = await newSupervisorId();
    const groupLeader = await newSupervisorId({ specialist: false });
    const withVeileder = await activeAgreement('1811');
    const withEndedVeileder = await activeAgreement('1812');
    const withoutVeileder = await activeAgreement('1813');
    const future = await activeAgreement('1815');
    await supervise(withVeileder.id, { supervisorId: veileder, role: 'veileder', from: '2024-01-01' }).expect(201);
    const ended = bodyOf(await supervise(withEndedVeileder.id, { supervisorId: veileder, role: 'veileder', from: '2024-01-01' }).expect(201), contract.supervision);
    await endSupervision(withEndedVeileder.id, ended.id, '2024-06-30').expect(200);
    await supervise(withoutVeileder.id, { supervisorId: groupLeader, role: 'group_leader', from: '2024-01-01' }).expect(201);
    await supervise(future.id, { supervisorId: veileder, role: 'veileder', from: addDays(todayInNorway(), 10) }).expect(201);

    const ids = (page: Page<Agreement>) => page.items.map((a) => a.id).sort();
    expect(ids(await list({ supervisorId: veileder }))).toEqual([withVeileder.id, withEndedVeileder.id, future.id].sort());
    expect(ids(await list({ supervisorId: groupLeader }))).toEqual([withoutVeileder.id]);

    const mine = new Set([withVeileder.id, withEndedVeileder.id, withoutVeileder.id, future.id]);
    const having = (await list({ hasVeileder: 'true', limit: 200 })).items.filter((a) => mine.has(a.id));
    expect(having.map((a) => a.id)).toEqual([withVeileder.id]);
    expect(having.every((a) => a.currentVeileder !== null)).toBe(true);
    const lacking = (await list({ hasVeileder: 'false', limit: 200 })).items.filter((a) => mine.has(a.id));
    expect(lacking.map((a) => a.id).sort()).toEqual([withEndedVeileder.id, withoutVeileder.id, future.id].sort());
    expect(lacking.every((a) => a.currentVeileder === null && codes(a).includes('no_active_veileder'))).toBe(true);
  });
});

describe('scope', () => {
  it('answers 404 to callers outside the agreement\'s municipality, and lets its own client work', async () => {
    const agreement = await activeAgreement('1818', heroyClient);
    const supervisorId = await newSupervisorId();
    const created = bodyOf(await supervise(agreement.id, { supervisorId, role: 'veileder', from: '2024-01-01' }, heroyClient).expect(201), contract.supervision);
    for (const outsider of [osloOffice, bodoClient]) {
      expectProblem(await http(t).get(`${BASE}/${agreement.id}/supervisions`).set(outsider.auth), 404, 'not_found');
      expectProblem(await http(t).get(`${BASE}/${agreement.id}/supervisions/${created.id}`).set(outsider.auth), 404, 'not_found');
      expectProblem(await supervise(agreement.id, { supervisorId, role: 'supervisor', from: '2024-01-01' }, outsider), 404, 'not_found');
      expectProblem(await endSupervision(agreement.id, created.id, '2024-12-31', outsider), 404, 'not_found');
    }
    await http(t).get(`${BASE}/${agreement.id}/supervisions`).set(nordOffice.auth).expect(200);
    await endSupervision(agreement.id, created.id, '2024-12-31', heroyClient).expect(200);
  });
});
