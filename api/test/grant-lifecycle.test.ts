import * as contract from '@alis/shared';
import { type GrantApplication, SAMPLE_RATE_TABLE, addDays, todayInNorway } from '@alis/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, directorate, directorateClient, heroyClient, nordOffice, t, useCast } from './support/cast.js';
import { bodyOf, etagOf, first } from './support/expect.js';
import { type Caller, auditTrail, createClient, expectProblem, http } from './support/factories.js';
import {
  APPLICATIONS,
  TEST_RATES,
  createAgreement,
  createApplication,
  createScheme,
  getApplication,
  grantReadyMunicipality,
  testOrganisationNumber,
  lineFor,
  moveApplication,
  setMasterData,
} from './support/grants.js';
import { insertDoctor } from './support/rows.js';

useCast();

const today = todayInNorway();
let schemeCode: string;
beforeAll(async () => {
  schemeCode = (await createScheme(t, admin)).code;
  await grantReadyMunicipality(t, '1818', 5, '974760673');
});

/** A sound draft of Herøy claiming one agreement for `months` at full time (412 000 kr a year). */
async function draft(months = 12, code = schemeCode): Promise<GrantApplication> {
  const agreement = await createAgreement(t, admin, { kommunenummer: '1818' });
  return (await createApplication(t, heroyClient, { kommunenummer: '1818', schemeCode: code, lines: [lineFor(agreement, { months })] })).application;
}

const move = (caller: Caller, id: string, body: Record<string, unknown>, etag?: string) => {
  const request = http(t).post(`${APPLICATIONS}/${id}/transitions`).set(caller.auth);
  return (etag ? request.set('if-match', etag) : request).send(body);
};

describe('submission', () => {
  it('keeps the rate version, centrality class, organisation number and amounts, and records who and when', async () => {
    const application = await draft(9);
    const { etag } = await getApplication(t, heroyClient, application.id);
    const response = await move(heroyClient, application.id, { to: 'submitted' }, etag).expect(200);
    const submitted = bodyOf(response, contract.grantApplication);
    expect(response.headers.etag).toBe('"v2"');
    expect(submitted).toMatchObject({
      status: 'submitted',
      submittedOn: today,
      lateSubmissionReason: null,
      amountsFixed: true,
      rateVersion: 1,
      centralityClass: 5,
      organisationNumber: '974760673',
      totalNok: 309_000,
      allowedTransitions: ['withdrawn'],
    });
    expect(first(submitted.lines)).toMatchObject({ annualRateNok: 412_000, amountNok: 309_000 });

    const { items } = bodyOf(await http(t).get(`${APPLICATIONS}/${application.id}/history`).set(heroyClient.auth).expect(200), contract.grantHistory);
    expect(items).toEqual([expect.objectContaining({ from: 'draft', to: 'submitted', date: today, actorType: 'client', actorId: heroyClient.clientId, actorName: 'Test municipality client' })]);
    const [audit] = await auditTrail(t, admin, { entityType: 'grant_application', entityId: application.id });
    expect(audit).toMatchObject({ action: 'grant_application.transitioned', before: { status: 'draft' }, after: { status: 'submitted', totalNok: 309_000, rateVersion: 1, centralityClass: 5 } });
  });

  it('never changes submitted amounts: new rates become a new version that only drafts follow, and the class is kept', async () => {
    const scheme = await createScheme(t, admin);
    const before = await draft(12, scheme.code);
    const submitted = await moveApplication(t, heroyClient, before.id, { to: 'submitted' });
    const still = await draft(6, scheme.code);

    const rates = { ...TEST_RATES, gp: { ...TEST_RATES.gp, '5': 500_000 } };
    const patched = bodyOf(await http(t).patch(`/api/v1/grant-schemes/${scheme.code}`).set(admin.auth).send({ annualRatesNok: rates }).expect(200), contract.grantScheme);
    expect(patched.rateVersion).toBe(2);
    expect(patched.rateVersions.map((v) => [v.version, v.inUse, v.annualRatesNok.gp['5']])).toEqual([
      [2, false, 500_000],
      [1, true, 412_000],
    ]);
    const [audit] = await auditTrail(t, admin, { entityType: 'grant_scheme', entityId: scheme.code });
    expect(audit).toMatchObject({ after: { rateVersion: 2, newRateVersion: true }, before: { rateVersion: 1 } });

    // Changing version 2 again, while no submission keeps it, replaces it in place.
    const again = bodyOf(
      await http(t).patch(`/api/v1/grant-schemes/${scheme.code}`).set(admin.auth).send({ annualRatesNok: { ...rates, gp: { ...rates.gp, '5': 510_000 } } }).expect(200),
      contract.grantScheme,
    );
    expect(again.rateVersions.map((v) => v.version)).toEqual([2, 1]);

    await setMasterData(t, '1818', { organisationNumber: testOrganisationNumber('1818'), centralityClass: 6 });
    try {
      const kept = (await getApplication(t, heroyClient, submitted.id)).application;
      expect(kept).toMatchObject({ rateVersion: 1, centralityClass: 5, organisationNumber: '974760673', totalNok: 412_000 });
      expect(first(kept.lines)).toMatchObject({ annualRateNok: 412_000, amountNok: 412_000 });
      const follows = (await getApplication(t, heroyClient, still.id)).application;
      expect(follows).toMatchObject({ rateVersion: 2, centralityClass: 6, organisationNumber: testOrganisationNumber('1818'), amountsFixed: false, totalNok: SAMPLE_RATE_TABLE.gp['6'] / 2 });
    } finally {
      await setMasterData(t, '1818', { organisationNumber: '974760673', centralityClass: 5 });
    }
  });

  it('is refused while there are problems, listing each', async () => {
    const application = await draft(13);
    const problem = expectProblem(await move(heroyClient, application.id, { to: 'submitted' }), 422, 'unprocessable');
    expect(problem.errors.map((e) => [e.path, e.code, e.params])).toEqual([
      ['lines.0.months', 'not_eligible', { problem: 'months_out_of_range', months: 13 }],
      ['lines.0.months', 'not_eligible', { problem: 'months_exceed_agreement', months: 13, claimable: 12 }],
      ['lines.0.months', 'not_eligible', { problem: 'full_time_months_exceeded', fullTimeMonths: 13, availableMonths: 12 }],
    ]);
    expect((await getApplication(t, heroyClient, application.id)).application).toMatchObject({ status: 'draft', amountsFixed: false });
  });

  it('after the deadline is for an admin only, with a reason', async () => {
    const closed = await createScheme(t, admin, { applicationDeadline: '2026-01-31', expectedDecisionDate: '2026-03-01' });
    const application = await draft(12, closed.code);
    const late = expectProblem(await move(nordOffice, application.id, { to: 'submitted' }), 422, 'unprocessable');
    expect(late.errors).toEqual([expect.objectContaining({ path: 'submittedOn', code: 'too_late', params: { latest: '2026-01-31', reference: 'applicationDeadline' } })]);
    const noReason = expectProblem(await move(admin, application.id, { to: 'submitted' }), 422, 'unprocessable');
    expect(noReason.errors.map((e) => [e.path, e.code])).toEqual([['reason', 'required']]);
    const submitted = await moveApplication(t, admin, application.id, { to: 'submitted', reason: 'Kommunen fikk utsatt frist' });
    expect(submitted).toMatchObject({ status: 'submitted', lateSubmissionReason: 'Kommunen fikk utsatt frist' });
  });
});

describe('decisions and payment', () => {
  it('goes submitted → partially_granted → paid for the directorate, with history', async () => {
    const application = await draft(6); // 206 000 kr
    const submitted = await moveApplication(t, heroyClient, application.id, { to: 'submitted' });
    expect((await getApplication(t, directorate, application.id)).application.allowedTransitions).toEqual(['granted', 'partially_granted', 'rejected']);
    const partial = await moveApplication(t, directorate, application.id, {
      to: 'partially_granted',
      decisionDate: today,
      decisionReference: '26/4711',
      grantedNok: 150_000,
      reason: 'To måneder mangler dokumentasjon',
    });
    expect(partial).toMatchObject({ status: 'partially_granted', decisionDate: today, decisionReference: '26/4711', grantedNok: 150_000, totalNok: submitted.totalNok, allowedTransitions: ['paid'] });
    const paid = await moveApplication(t, directorateClient, application.id, { to: 'paid', paidOn: today, paidNok: 150_000 });
    expect(paid).toMatchObject({ status: 'paid', paidOn: today, paidNok: 150_000, allowedTransitions: [] });
    const { items } = bodyOf(await http(t).get(`${APPLICATIONS}/${application.id}/history`).set(directorate.auth).expect(200), contract.grantHistory);
    expect(items.map((e) => [e.from, e.to, e.reason])).toEqual([
      ['partially_granted', 'paid', null],
      ['submitted', 'partially_granted', 'To måneder mangler dokumentasjon'],
      ['draft', 'submitted', null],
    ]);
    expect(first(items)).toMatchObject({ actorType: 'client', actorId: directorateClient.clientId });
  });

  it('grants exactly the total, a partial grant below it, never above', async () => {
    const application = await draft(12);
    await moveApplication(t, heroyClient, application.id, { to: 'submitted' });
    const decision = { decisionDate: today, decisionReference: '26/1' };
    const notWhole = expectProblem(await move(directorate, application.id, { to: 'granted', ...decision, grantedNok: 400_000 }), 422, 'unprocessable');
    expect(notWhole.errors).toEqual([expect.objectContaining({ path: 'grantedNok', code: 'invalid_value', params: { allowed: [412_000] } })]);
    const notBelow = expectProblem(await move(directorate, application.id, { to: 'partially_granted', ...decision, grantedNok: 412_000 }), 422, 'unprocessable');
    expect(notBelow.errors).toEqual([expect.objectContaining({ path: 'grantedNok', code: 'too_big', params: { maximum: 411_999, inclusive: true, origin: 'number' } })]);
    const missing = expectProblem(await move(directorate, application.id, { to: 'granted' }), 422, 'unprocessable');
    expect(missing.errors.map((e) => [e.path, e.code])).toEqual([
      ['decisionDate', 'required'],
      ['decisionReference', 'required'],
      ['grantedNok', 'required'],
    ]);
    const early = expectProblem(await move(directorate, application.id, { to: 'granted', ...decision, decisionDate: addDays(today, -1), grantedNok: 412_000 }), 422, 'unprocessable');
    expect(early.errors).toEqual([expect.objectContaining({ path: 'decisionDate', code: 'too_early', params: { earliest: today, reference: 'submittedOn' } })]);
    const future = expectProblem(await move(directorate, application.id, { to: 'granted', ...decision, decisionDate: addDays(today, 1), grantedNok: 412_000 }), 400, 'validation_failed');
    expect(future.errors).toEqual([expect.objectContaining({ path: 'decisionDate', code: 'in_future' })]);

    const granted = await moveApplication(t, directorate, application.id, { to: 'granted', ...decision, grantedNok: 412_000 });
    expect(granted).toMatchObject({ status: 'granted', grantedNok: 412_000 });
    const tooMuch = expectProblem(await move(directorate, application.id, { to: 'paid', paidOn: today, paidNok: 412_001 }), 422, 'unprocessable');
    expect(tooMuch.errors).toEqual([expect.objectContaining({ path: 'paidNok', code: 'too_big', params: { maximum: 412_000, inclusive: true, origin: 'number' } })]);
    const beforeDecision = expectProblem(await move(directorate, application.id, { to: 'paid', paidOn: addDays(today, -1), paidNok: 1 }), 422, 'unprocessable');
    expect(beforeDecision.errors).toEqual([expect.objectContaining({ path: 'paidOn', code: 'too_early', params: { earliest: today, reference: 'decisionDate' } })]);
    const unpaid = expectProblem(await move(directorate, application.id, { to: 'paid' }), 422, 'unprocessable');
    expect(unpaid.errors.map((e) => e.path)).toEqual(['paidOn', 'paidNok']);
    expect(await moveApplication(t, directorate, application.id, { to: 'paid', paidOn: today, paidNok: 400_000 })).toMatchObject({ paidNok: 400_000 });
  });

  it('refuses the fields of another move with 400', async () => {
    const application = await draft();
    const problem = expectProblem(
      await move(heroyClient, application.id, { to: 'submitted', decisionDate: today, grantedNok: 5, paidOn: today, paidNok: 5 }),
      400,
      'validation_failed',
    );
    expect(problem.errors.map((e) => [e.path, e.params])).toEqual([
      ['decisionDate', { reason: 'grant_decision_only' }],
      ['grantedNok', { reason: 'granted_amount_only' }],
      ['paidOn', { reason: 'payment_only' }],
      ['paidNok', { reason: 'payment_only' }],
    ]);
    const rejectedWithAmount = expectProblem(await move(directorate, application.id, { to: 'rejected', grantedNok: 5 }), 400, 'validation_failed');
    expect(rejectedWithAmount.errors.map((e) => e.path)).toEqual(['grantedNok']);
  });

  it('lets a rejected application\'s claims go: they no longer count against the doctor', async () => {
    await grantReadyMunicipality(t, '1804', 3, '983887457');
    const doctor = await insertDoctor(t);
    const inHeroy = await createAgreement(t, admin, { kommunenummer: '1818', doctorId: doctor.id });
    const inBodo = await createAgreement(t, admin, { kommunenummer: '1804', doctorId: doctor.id, startDate: '2024-02-01' });
    const { application: heroy } = await createApplication(t, heroyClient, { kommunenummer: '1818', schemeCode, lines: [lineFor(inHeroy, { months: 6 })] });
    await moveApplication(t, heroyClient, heroy.id, { to: 'submitted' });
    const { application: bodo } = await createApplication(t, admin, { kommunenummer: '1804', schemeCode, lines: [lineFor(inBodo, { months: 7 })] });
    expect(bodo.problems.map((p) => [p.code, p.params.applicationId])).toEqual([['full_time_months_exceeded', heroy.id]]);
    await moveApplication(t, directorate, heroy.id, { to: 'rejected', decisionDate: today, decisionReference: '26/5' });
    expect((await getApplication(t, admin, bodo.id)).application.problems).toEqual([]);
  });

  it('rejects with a date and reference, and then nothing more', async () => {
    const application = await draft();
    await moveApplication(t, nordOffice, application.id, { to: 'submitted' });
    const rejected = await moveApplication(t, admin, application.id, { to: 'rejected', decisionDate: today, decisionReference: '26/2' });
    expect(rejected).toMatchObject({ status: 'rejected', grantedNok: null, allowedTransitions: [] });
    const illegal = expectProblem(await move(admin, application.id, { to: 'paid', paidOn: today, paidNok: 1 }), 409, 'illegal_transition');
    expect(illegal).toMatchObject({ from: 'rejected', to: 'paid', allowed: [] });
  });
});

describe('who moves what', () => {
  it('answers 409 naming the allowed moves for an illegal one', async () => {
    const application = await draft();
    const problem = expectProblem(await move(admin, application.id, { to: 'paid', paidOn: today, paidNok: 1 }), 409, 'illegal_transition');
    expect(problem).toMatchObject({ from: 'draft', to: 'paid', allowed: ['submitted', 'withdrawn'] });
    expectProblem(await move(admin, application.id, { to: 'draft' }), 409, 'illegal_transition');
  });

  it('lets the municipality send and withdraw but never decide, and the directorate decide but never send', async () => {
    const application = await draft();
    expectProblem(await move(directorate, application.id, { to: 'submitted' }), 404, 'not_found');
    await moveApplication(t, heroyClient, application.id, { to: 'submitted' });
    const decision = { decisionDate: today, decisionReference: '26/3', grantedNok: 412_000 };
    expectProblem(await move(heroyClient, application.id, { to: 'granted', ...decision }), 403, 'forbidden');
    expectProblem(await move(nordOffice, application.id, { to: 'granted', ...decision }), 403, 'forbidden');
    expectProblem(await move(directorate, application.id, { to: 'withdrawn' }), 403, 'forbidden');
    const readOnly = await createClient(t, admin, { kommunenummer: '1818', scope: 'read' });
    expectProblem(await move(readOnly, application.id, { to: 'withdrawn' }), 403, 'forbidden');
    expectProblem(await http(t).post(APPLICATIONS).set(readOnly.auth).send({ kommunenummer: '1818', schemeCode, lines: [] }), 403, 'forbidden');
    expect(await moveApplication(t, heroyClient, application.id, { to: 'withdrawn', reason: 'Feil ordning' })).toMatchObject({ status: 'withdrawn', withdrawnOn: today });
    // The directorate still reads it, having once received it.
    await getApplication(t, directorate, application.id);
  });

  it('withdraws a draft, which the directorate never sees', async () => {
    const application = await draft();
    expect(await moveApplication(t, nordOffice, application.id, { to: 'withdrawn' })).toMatchObject({ status: 'withdrawn', submittedOn: null, allowedTransitions: [] });
    expectProblem(await http(t).get(`${APPLICATIONS}/${application.id}`).set(directorate.auth), 404, 'not_found');
  });

  it('honours If-Match and Idempotency-Key', async () => {
    const application = await draft();
    const stale = expectProblem(await move(heroyClient, application.id, { to: 'submitted' }, '"v9"'), 412, 'precondition_failed');
    expect(stale.currentETag).toBe('"v1"');
    const first = await http(t).post(`${APPLICATIONS}/${application.id}/transitions`).set(heroyClient.auth).set('idempotency-key', `submit-${application.id}`).send({ to: 'submitted' }).expect(200);
    const replay = await http(t).post(`${APPLICATIONS}/${application.id}/transitions`).set(heroyClient.auth).set('idempotency-key', `submit-${application.id}`).send({ to: 'submitted' }).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(etagOf(replay)).toBe(etagOf(first));
  });
});

describe('the auditor\'s certificate', () => {
  it('is overdue after the due date without it, and recorded by the directorate once money is granted', async () => {
    const scheme = await createScheme(t, admin, { auditorCertificateDueDate: addDays(today, -1) });
    const application = await draft(12, scheme.code);
    expect(application).toMatchObject({ auditorCertificateDueDate: addDays(today, -1), certificateOverdue: false });
    await moveApplication(t, heroyClient, application.id, { to: 'submitted' });
    const granted = await moveApplication(t, directorate, application.id, { to: 'granted', decisionDate: today, decisionReference: '26/9', grantedNok: 412_000 });
    expect(granted.certificateOverdue).toBe(true);

    expectProblem(await http(t).patch(`${APPLICATIONS}/${application.id}`).set(nordOffice.auth).send({ auditorCertificateReceivedOn: today }), 403, 'forbidden');
    expectProblem(await http(t).patch(`${APPLICATIONS}/${application.id}`).set(heroyClient.auth).send({ auditorCertificateReceivedOn: today }), 403, 'forbidden');
    const future = expectProblem(await http(t).patch(`${APPLICATIONS}/${application.id}`).set(directorate.auth).send({ auditorCertificateReceivedOn: addDays(today, 1) }), 400, 'validation_failed');
    expect(future.errors.map((e) => [e.path, e.code])).toEqual([['auditorCertificateReceivedOn', 'in_future']]);
    const early = expectProblem(await http(t).patch(`${APPLICATIONS}/${application.id}`).set(directorate.auth).send({ auditorCertificateReceivedOn: addDays(today, -1) }), 422, 'unprocessable');
    expect(early.errors.map((e) => [e.path, e.code])).toEqual([['auditorCertificateReceivedOn', 'too_early']]);

    const received = bodyOf(await http(t).patch(`${APPLICATIONS}/${application.id}`).set(directorate.auth).send({ auditorCertificateReceivedOn: today }).expect(200), contract.grantApplication);
    expect(received).toMatchObject({ auditorCertificateReceivedOn: today, certificateOverdue: false, status: 'granted' });
    const [audit] = await auditTrail(t, admin, { entityType: 'grant_application', entityId: application.id });
    expect(audit).toMatchObject({ action: 'grant_application.updated', actorId: directorate.id, before: { auditorCertificateReceivedOn: null }, after: { auditorCertificateReceivedOn: today } });
    const cleared = bodyOf(await http(t).patch(`${APPLICATIONS}/${application.id}`).set(admin.auth).send({ auditorCertificateReceivedOn: null }).expect(200), contract.grantApplication);
    expect(cleared.certificateOverdue).toBe(true);
  });
});
