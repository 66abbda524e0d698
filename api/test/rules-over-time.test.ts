import * as contract from '@alis/shared';
import { type Agreement, addDays, addMonths, addYears, daysBetween, plannedEndDate, todayInNorway } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, directorate, heroyClient, t, useCast } from './support/cast.js';
import { bodyOf } from './support/expect.js';
import { type Caller, expectProblem, http } from './support/factories.js';
import { freshHprNumber, insertAgreement, insertDoctor } from './support/rows.js';

/**
 * The domain rules applied over time (issue 8): every test here failed on the code before it. The
 * registry's "today" is the real day, so dates near it are computed from it.
 */
useCast();

const BASE = '/api/v1/agreements';
const today = todayInNorway();
const codes = (agreement: Agreement) => agreement.warnings.map((warning) => warning.code);

async function createAgreement(body: Record<string, unknown>, caller: Caller = admin) {
  const response = await http(t)
    .post(BASE)
    .set(caller.auth)
    .send({ kommunenummer: '1804', employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate: '2024-01-01', ...body })
    .expect(201);
  return bodyOf(response, contract.agreement);
}
const transition = (id: string, body: Record<string, unknown>) => http(t).post(`${BASE}/${id}/transitions`).set(admin.auth).send(body);
const patch = (id: string, body: Record<string, unknown>) => http(t).patch(`${BASE}/${id}`).set(admin.auth).send(body);
async function activeAgreement(body: Record<string, unknown> = {}) {
  const doctorId = typeof body.doctorId === 'string' ? body.doctorId : (await insertDoctor(t)).id;
  const draft = await createAgreement({ signedOn: '2023-12-01', ...body, doctorId });
  return bodyOf(await transition(draft.id, { to: 'active' }).expect(200), contract.agreement);
}
async function newSupervisor(body: Record<string, unknown>) {
  const response = await http(t)
    .post('/api/v1/supervisors')
    .set(admin.auth)
    .send({ hprNumber: freshHprNumber(), name: 'Vera Veileder', specialistInGeneralPractice: true, ...body })
    .expect(201);
  return bodyOf(response, contract.supervisorDetail);
}
const supervise = (agreementId: string, body: Record<string, unknown>) =>
  http(t).post(`${BASE}/${agreementId}/supervisions`).set(admin.auth).send({ role: 'veileder', from: '2024-01-01', ...body });

const registration = (kommunenummer: string, rest = '', specialty?: 'SAM') =>
  `/api/v1/municipalities/${kommunenummer}/registration${rest}${specialty ? `?specialty=${specialty}` : ''}`;
const complete = {
  responsibleName: 'Kari Nordmann',
  educationPlanUrl: 'https://kommune.no/utdanningsplan',
  supervisionArrangement: 'Veileder på legekontoret',
  learningArenas: [{ name: 'Legekontoret', kind: 'own', agreementInPlace: false }],
};
const move = (kommunenummer: string, body: Record<string, unknown>, who: Caller = admin, specialty?: 'SAM') =>
  http(t).post(registration(kommunenummer, '/transitions', specialty)).set(who.auth).send(body);

describe('application and decision dates', () => {
  it('refuses an application dated before its round was being prepared', async () => {
    await http(t).patch(registration('1811')).set(admin.auth).send(complete).expect(200);
    await move('1811', { to: 'preparing', date: '2019-01-10' }).expect(200);
    await move('1811', { to: 'applied', date: '2019-02-01' }).expect(200);
    await move('1811', { to: 'rejected', date: '2019-09-01' }, directorate).expect(200);
    await move('1811', { to: 'preparing', date: '2024-03-01' }).expect(200);
    // After a rejection and a new preparation in 2024, an application "sent" in 2019 cannot be right.
    const backdated = expectProblem(await move('1811', { to: 'applied', date: '2019-05-01' }), 422, 'unprocessable');
    expect(backdated.errors).toEqual([
      { path: 'date', code: 'too_early', message: expect.any(String), params: { earliest: '2024-03-01', reference: 'preparedOn' } },
    ]);
    await move('1811', { to: 'applied', date: '2024-03-01' }).expect(200);
  });

  it('refuses an application dated before the regulation came into force, and any change dated before the previous one', async () => {
    await http(t).patch(registration('1812')).set(admin.auth).send(complete).expect(200);
    await move('1812', { to: 'preparing', date: '2016-10-01' }).expect(200);
    const early = expectProblem(await move('1812', { to: 'applied', date: '2016-12-01' }), 422, 'unprocessable');
    expect(early.errors).toEqual([
      { path: 'date', code: 'too_early', message: expect.any(String), params: { earliest: '2017-03-01', reference: 'regulation' } },
    ]);
    await move('1812', { to: 'applied', date: '2017-03-01' }).expect(200);
    // A decision dated before its application.
    expectProblem(await move('1812', { to: 'registered', date: '2017-02-01' }, directorate), 422, 'unprocessable');

    await http(t).patch(registration('1813')).set(admin.auth).send(complete).expect(200);
    await move('1813', { to: 'preparing', date: '2025-01-01' }).expect(200);
    expectProblem(await move('1813', { to: 'applied', date: '2010-01-01' }), 422, 'unprocessable');
  });
});

describe('qualification as veileder over time', () => {
  it('uses the specialist approval date, and counts a specialist with no known date', async () => {
    const agreement = await activeAgreement();
    const later = await newSupervisor({ specialistApprovedOn: '2026-06-01' });
    const refused = expectProblem(await supervise(agreement.id, { supervisorId: later.id }), 422, 'unprocessable');
    expect(refused.errors).toEqual([expect.objectContaining({ path: 'supervisorId', code: 'not_qualified', params: { date: '2024-01-01' } })]);
    await supervise(agreement.id, { supervisorId: later.id, from: '2026-06-01' }).expect(201);

    expect((await newSupervisor({ specialistApprovedOn: '2030-01-01' })).qualifiedToday).toBe(false);
    expect((await newSupervisor({ specialistApprovedOn: null })).qualifiedToday).toBe(true);
  });

  it('uses the whole period of an exemption', async () => {
    const agreement = await activeAgreement();
    const exempt = await newSupervisor({ specialistInGeneralPractice: false, exemptionFrom: '2024-06-01', exemptionUntil: addYears(today, 1) });
    expect(exempt).toMatchObject({ exemptionFrom: '2024-06-01', qualifiedToday: true });
    expectProblem(await supervise(agreement.id, { supervisorId: exempt.id, from: '2024-01-01' }), 422, 'unprocessable');
    await supervise(agreement.id, { supervisorId: exempt.id, from: '2024-06-01' }).expect(201);

    const backwards = await http(t)
      .post('/api/v1/supervisors')
      .set(admin.auth)
      .send({ hprNumber: freshHprNumber(), name: 'Feil Periode', specialistInGeneralPractice: false, exemptionFrom: '2025-01-01', exemptionUntil: '2024-12-31' });
    expect(expectProblem(backwards, 400, 'validation_failed').errors).toEqual([expect.objectContaining({ path: 'exemptionUntil', code: 'too_early' })]);
  });
});

describe('agreements behave as people expect', () => {
  it('lets a draft that is never signed be cancelled with a reason, which closes it', async () => {
    const doctorId = (await insertDoctor(t)).id;
    const draft = await createAgreement({ doctorId, kommunenummer: '1806' });
    expect(expectProblem(await transition(draft.id, { to: 'cancelled' }), 422, 'unprocessable').errors).toEqual([
      expect.objectContaining({ path: 'reason', code: 'required' }),
    ]);
    const cancelled = bodyOf(await transition(draft.id, { to: 'cancelled', reason: 'Legen takket nei' }).expect(200), contract.agreement);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellationReason: 'Legen takket nei', endDate: null, warnings: [], nonCountingPeriods: [] });
    // Closed: a new agreement for the same doctor and municipality is possible.
    await createAgreement({ doctorId, kommunenummer: '1806' });
    const active = await activeAgreement();
    expect(expectProblem(await transition(active.id, { to: 'cancelled', reason: 'x' }), 409, 'illegal_transition').allowed).toEqual(['completed', 'terminated']);
  });

  it('closes consistently: completed means completed training, terminated any other reason, and only once ended', async () => {
    const agreement = await activeAgreement();
    const wrongReason = expectProblem(await transition(agreement.id, { to: 'completed', endDate: '2025-06-30', endReason: 'left_position' }), 422, 'unprocessable');
    expect(wrongReason.errors).toEqual([expect.objectContaining({ path: 'endReason', code: 'invalid_value', params: { allowed: ['completed_training'] } })]);
    const terminatedAsCompleted = expectProblem(
      await transition(agreement.id, { to: 'terminated', endDate: '2025-06-30', endReason: 'completed_training' }),
      422,
      'unprocessable',
    );
    expect(terminatedAsCompleted.errors).toEqual([
      expect.objectContaining({ path: 'endReason', params: { allowed: ['left_position', 'no_grant', 'other'] } }),
    ]);
    const future = expectProblem(await transition(agreement.id, { to: 'terminated', endDate: addDays(today, 1), endReason: 'left_position' }), 422, 'unprocessable');
    expect(future.errors).toEqual([expect.objectContaining({ path: 'endDate', code: 'too_late', params: { latest: today, reference: 'today' } })]);
    await transition(agreement.id, { to: 'terminated', endDate: today, endReason: 'left_position' }).expect(200);
  });

  it('lets a change of share take effect from a date, and computes the planned end from the whole history', async () => {
    const agreement = await createAgreement({ doctorId: (await insertDoctor(t)).id });
    expect(agreement).toMatchObject({ plannedEndDate: '2028-12-31', positionHistory: [{ from: '2024-01-01', percent: 100 }] });
    const halved = bodyOf(await patch(agreement.id, { positionPercent: 50, positionPercentFrom: '2025-01-01' }).expect(200), contract.agreement);
    expect(halved).toMatchObject({
      positionPercent: 50,
      positionHistory: [
        { from: '2024-01-01', percent: 100 },
        { from: '2025-01-01', percent: 50 },
      ],
      // Not 2034-01-01, as a retroactive 50 % would give, nor the full-time 2028-12-31.
      plannedEndDate: '2032-12-31',
    });

    // Without a date, a draft's share holds from its start (it has not run) ...
    const draft = await createAgreement({ doctorId: (await insertDoctor(t)).id });
    const fromStart = bodyOf(await patch(draft.id, { positionPercent: 80 }).expect(200), contract.agreement);
    expect(fromStart.positionHistory).toEqual([{ from: '2024-01-01', percent: 80 }]);
    // ... and a running agreement's from today.
    const running = await activeAgreement();
    const fromToday = bodyOf(await patch(running.id, { positionPercent: 80 }).expect(200), contract.agreement);
    expect(fromToday.positionHistory).toEqual([
      { from: '2024-01-01', percent: 100 },
      { from: today, percent: 80 },
    ]);
    expect(fromToday.plannedEndDate).toBe(plannedEndDate('2024-01-01', fromToday.positionHistory));

    expect(expectProblem(await patch(agreement.id, { positionPercent: 60, positionPercentFrom: '2023-12-31' }), 400, 'validation_failed').errors).toEqual([
      expect.objectContaining({ path: 'positionPercentFrom', code: 'too_early', params: { earliest: '2024-01-01', reference: 'startDate' } }),
    ]);
    expectProblem(await patch(agreement.id, { positionPercentFrom: '2025-01-01' }), 400, 'validation_failed');
    // The start cannot move past a change of share; moving it earlier moves the first share.
    expectProblem(await patch(agreement.id, { startDate: '2025-02-01' }), 422, 'unprocessable');
    const moved = bodyOf(await patch(agreement.id, { startDate: '2023-12-01' }).expect(200), contract.agreement);
    expect(moved.positionHistory[0]).toEqual({ from: '2023-12-01', percent: 100 });
  });

  it('treats an agreement stored without a share history (imported) as holding its share since the start', async () => {
    // Written straight to the table, as an import or a row from before the history was kept: no shares.
    const stored = await insertAgreement(t, { doctorId: (await insertDoctor(t)).id, kommunenummer: '1804', status: 'draft' });
    const read = bodyOf(await http(t).get(`${BASE}/${stored.id}`).set(admin.auth).expect(200), contract.agreement);
    expect(read.positionHistory).toEqual([{ from: '2024-01-01', percent: 100 }]);
    // An absence recomputes the planned end from that history (this once answered 500).
    await http(t).post(`${BASE}/${stored.id}/absences`).set(admin.auth).send({ kind: 'leave', from: '2025-03-01', to: '2025-03-10' }).expect(201);
    const moved = bodyOf(await patch(stored.id, { startDate: '2023-12-01' }).expect(200), contract.agreement);
    expect(moved).toMatchObject({ positionHistory: [{ from: '2023-12-01', percent: 100 }], plannedEndDate: addDays('2028-11-30', 10) });
    const halved = bodyOf(await patch(stored.id, { positionPercent: 50, positionPercentFrom: '2025-01-01' }).expect(200), contract.agreement);
    expect(halved.positionHistory).toEqual([
      { from: '2023-12-01', percent: 100 },
      { from: '2025-01-01', percent: 50 },
    ]);
  });

  it('warns past_planned_end instead of "ends within six months" once the planned end has passed', async () => {
    const start = addDays(addYears(today, -5), -30);
    const overdue = await activeAgreement({ startDate: start, signedOn: addDays(start, -10) });
    expect(overdue.plannedEndDate < today).toBe(true);
    expect(codes(overdue)).toContain('past_planned_end');
    expect(codes(overdue)).not.toContain('ends_within_6_months');
  });

  it('judges an agreement that starts later on its start date', async () => {
    const start = addMonths(today, 2);
    const future = await activeAgreement({ startDate: start, signedOn: today });
    const veileder = await newSupervisor({});
    await supervise(future.id, { supervisorId: veileder.id, from: start }).expect(201);
    const read = bodyOf(await http(t).get(`${BASE}/${future.id}`).set(admin.auth).expect(200), contract.agreement);
    expect(codes(read)).not.toContain('no_active_veileder');
    expect(read.currentVeileder?.supervisorId).toBe(veileder.id);
    // Without a veileder from the start, the warning stands.
    expect(codes(await activeAgreement({ startDate: start, signedOn: today }))).toContain('no_active_veileder');
  });
});

describe('one ALIS, one veileder', () => {
  it('allows one running veileder per doctor across agreements, naming the other', async () => {
    const doctorId = (await insertDoctor(t)).id;
    const inBodo = await activeAgreement({ doctorId, kommunenummer: '1804', positionPercent: 50 });
    const inHeroy = await activeAgreement({ doctorId, kommunenummer: '1818', positionPercent: 50 });
    const first = bodyOf(await supervise(inBodo.id, { supervisorId: (await newSupervisor({})).id }).expect(201), contract.supervision);
    const second = expectProblem(await supervise(inHeroy.id, { supervisorId: (await newSupervisor({})).id, from: '2025-01-01' }), 409, 'conflict');
    expect(second).toMatchObject({ existingId: first.id, existingAgreementId: inBodo.id });
    // Once the first ends, the doctor may have a veileder through the other agreement.
    await http(t).patch(`${BASE}/${inBodo.id}/supervisions/${first.id}`).set(admin.auth).send({ to: '2024-12-31' }).expect(200);
    await supervise(inHeroy.id, { supervisorId: (await newSupervisor({})).id, from: '2025-01-01' }).expect(201);
  });

  it('refuses anyone as their own veileder or supervisor', async () => {
    const hprNumber = freshHprNumber();
    const doctor = bodyOf(await http(t).post('/api/v1/doctors').set(admin.auth).send({ hprNumber, name: 'Selv Samme' }).expect(201), contract.doctor);
    const agreement = await activeAgreement({ doctorId: doctor.id });
    const self = await newSupervisor({ hprNumber });
    for (const role of ['veileder', 'supervisor']) {
      const refused = expectProblem(await supervise(agreement.id, { supervisorId: self.id, role }), 422, 'unprocessable');
      expect(refused.errors).toEqual([expect.objectContaining({ path: 'supervisorId', code: 'not_allowed', params: { reason: 'own_supervisor' } })]);
    }
  });

  it('warns when a doctor\'s open agreements at the same time add up to more than a full position', async () => {
    const doctorId = (await insertDoctor(t)).id;
    const a = await createAgreement({ doctorId, kommunenummer: '1804', positionPercent: 60 });
    const b = await createAgreement({ doctorId, kommunenummer: '1818', positionPercent: 60 });
    for (const id of [a.id, b.id]) {
      const read = bodyOf(await http(t).get(`${BASE}/${id}`).set(admin.auth).expect(200), contract.agreement);
      expect(read.warnings.find((w) => w.code === 'overlapping_agreements')?.params).toEqual({ percent: 120 });
    }
    await patch(b.id, { positionPercent: 40, positionPercentFrom: '2024-01-01' }).expect(200);
    const read = bodyOf(await http(t).get(`${BASE}/${a.id}`).set(admin.auth).expect(200), contract.agreement);
    expect(codes(read)).not.toContain('overlapping_agreements');
  });
});

describe("the doctor's own facts", () => {
  it('warns when an agreement starts before LIS1 was completed, or after the doctor became a specialist', async () => {
    const create = (body: Record<string, unknown>) =>
      http(t).post('/api/v1/doctors').set(admin.auth).send({ hprNumber: freshHprNumber(), name: 'Lege', ...body }).expect(201);
    const student = bodyOf(await create({ lis1CompletedOn: '2024-08-31' }), contract.doctor);
    expect(codes(await createAgreement({ doctorId: student.id }))).toContain('lis1_not_completed');
    const specialist = bodyOf(await create({ lis1CompletedOn: '2015-01-01', specialistApprovedOn: '2022-05-01' }), contract.doctor);
    expect(codes(await createAgreement({ doctorId: specialist.id }))).toContain('already_specialist');
    const ready = bodyOf(await create({ lis1CompletedOn: '2023-08-31' }), contract.doctor);
    const fine = codes(await createAgreement({ doctorId: ready.id }));
    expect(fine).not.toContain('lis1_not_completed');
    expect(fine).not.toContain('already_specialist');
  });

  it('refuses a LIS1 date after the specialist approval', async () => {
    const refused = await http(t)
      .post('/api/v1/doctors')
      .set(admin.auth)
      .send({ hprNumber: freshHprNumber(), name: 'Baklengs', lis1CompletedOn: '2024-01-01', specialistApprovedOn: '2023-01-01' });
    expect(expectProblem(refused, 400, 'validation_failed').errors).toEqual([
      expect.objectContaining({ path: 'lis1CompletedOn', code: 'too_late', params: { latest: '2023-01-01', reference: 'specialistApprovedOn' } }),
    ]);
    const doctor = bodyOf(
      await http(t).post('/api/v1/doctors').set(admin.auth).send({ hprNumber: freshHprNumber(), name: 'Etterpå', lis1CompletedOn: '2024-01-01' }).expect(201),
      contract.doctor,
    );
    expectProblem(await http(t).patch(`/api/v1/doctors/${doctor.id}`).set(admin.auth).send({ specialistApprovedOn: '2023-06-01' }), 400, 'validation_failed');
  });
});

describe('registration for community medicine (SAM)', () => {
  it('has its own lifecycle at the same paths, beside general practice, and drives no agreement warning', async () => {
    const sam = bodyOf(await http(t).get(registration('1815', '', 'SAM')).set(admin.auth).expect(200), contract.registration);
    expect(sam).toMatchObject({ specialty: 'SAM', status: 'not_registered', version: 0 });
    await http(t).patch(registration('1815', '', 'SAM')).set(heroyClient.auth).send(complete).expect(404);
    await http(t).patch(registration('1815', '', 'SAM')).set(admin.auth).send(complete).expect(200);
    await move('1815', { to: 'preparing', date: '2024-01-02' }, admin, 'SAM').expect(200);
    await move('1815', { to: 'applied', date: '2024-02-01' }, admin, 'SAM').expect(200);
    await move('1815', { to: 'registered', date: '2024-06-01' }, directorate, 'SAM').expect(200);
    const history = bodyOf(await http(t).get(registration('1815', '/history', 'SAM')).set(admin.auth).expect(200), contract.registrationHistory);
    expect(history.items.map((entry) => entry.to)).toEqual(['registered', 'applied', 'preparing']);

    // General practice is untouched, and it alone counts for agreements.
    const alm = bodyOf(await http(t).get(registration('1815')).set(admin.auth).expect(200), contract.registration);
    expect(alm).toMatchObject({ specialty: 'ALM', status: 'not_registered' });
    expect(codes(await createAgreement({ doctorId: (await insertDoctor(t)).id, kommunenummer: '1815' }))).toContain('municipality_not_registered');
    expectProblem(await http(t).get('/api/v1/municipalities/1815/registration?specialty=XYZ').set(admin.auth), 400, 'validation_failed');
  });

  it('needs a learning arena of the municipality\'s own in an application', async () => {
    await http(t)
      .patch(registration('1816'))
      .set(admin.auth)
      .send({ ...complete, learningArenas: [{ name: 'Legevakt', kind: 'external', partner: 'Interkommunal legevakt', agreementInPlace: true }] })
      .expect(200);
    await move('1816', { to: 'preparing', date: '2024-01-02' }).expect(200);
    const refused = expectProblem(await move('1816', { to: 'applied', date: '2024-02-01' }), 422, 'unprocessable');
    expect(refused.errors).toEqual([{ path: 'learningArenas', code: 'missing', message: expect.any(String), params: { item: 'own' } }]);
  });
});

describe('the planned end date stays a contract matter', () => {
  it('is not moved by periods in which service did not count', async () => {
    const agreement = await createAgreement({ doctorId: (await insertDoctor(t)).id, kommunenummer: '1820' });
    expect(agreement.nonCountingPeriods).toEqual([{ from: '2024-01-01', to: null }]);
    expect(daysBetween(agreement.startDate, agreement.plannedEndDate) + 1).toBe(1827);
  });
});
