import * as contract from '@alis/shared';
import { type Agreement, addDays, addMonths, todayInNorway } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, bodoClient, heroyClient, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf, etagOf } from './support/expect.js';
import { type Caller, auditTrail, expectProblem, http } from './support/factories.js';
import { insertDoctor } from './support/rows.js';

/**
 * The individual education plan of an agreement (issue 14) and its warnings, here with months of
 * its own configuration: approved within 4 months of the start, reviewed every 6.
 */
useCast({ EDUCATION_PLAN_DUE_MONTHS: '4', EDUCATION_PLAN_REVIEW_MONTHS: '6' });

const BASE = '/api/v1/agreements';
const today = todayInNorway();
const codes = (agreement: Agreement) => agreement.warnings.map((warning) => warning.code);

async function activeAgreement(startDate: string, caller: Caller = admin, kommunenummer = '1804') {
  const created = await http(t)
    .post(BASE)
    .set(caller.auth)
    .send({ kommunenummer, doctorId: (await insertDoctor(t)).id, employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate, signedOn: startDate })
    .expect(201);
  const id = bodyOf(created, contract.agreement).id;
  return bodyOf(await http(t).post(`${BASE}/${id}/transitions`).set(caller.auth).send({ to: 'active' }).expect(200), contract.agreement);
}
const plan = (id: string, educationPlan: Record<string, unknown>, caller: Caller = admin) =>
  http(t).patch(`${BASE}/${id}`).set(caller.auth).send({ educationPlan });
const withWarning = async (code: string) =>
  bodyOf(await http(t).get(BASE).query({ warning: code, limit: 200 }).set(admin.auth).expect(200), contract.agreementPage).items.map((a) => a.id);

describe('the education plan', () => {
  it('is missing on a new agreement, and due the configured months after the start', async () => {
    const start = addDays(addMonths(today, -4), -1);
    const agreement = await activeAgreement(start);
    expect(agreement.educationPlan).toEqual({ status: 'missing', approvedOn: null, reviewedOn: null, link: null, dueOn: addMonths(start, 4), reviewDueOn: null });
    expect(agreement.warnings.find((w) => w.code === 'no_education_plan')?.params).toEqual({ dueOn: addMonths(start, 4), months: 4, status: 'missing' });
    // Due today is not yet overdue.
    const onTime = await activeAgreement(addMonths(today, -4));
    expect(codes(onTime)).not.toContain('no_education_plan');
    expect(await withWarning('no_education_plan')).toContain(agreement.id);
    expect(await withWarning('no_education_plan')).not.toContain(onTime.id);
  });

  it('is drafted and approved with its reference; approval ends the warning, an old review brings another', async () => {
    const agreement = await activeAgreement(addMonths(today, -10));
    const draft = bodyOf(await plan(agreement.id, { status: 'draft', link: 'https://arkiv.bodo.kommune.no/sak/2026-1432' }).expect(200), contract.agreement);
    expect(draft.educationPlan).toMatchObject({ status: 'draft', link: 'https://arkiv.bodo.kommune.no/sak/2026-1432' });
    expect(codes(draft)).toContain('no_education_plan');

    const approvedOn = addDays(addMonths(today, -6), -1);
    const approved = await plan(agreement.id, { status: 'approved', approvedOn }).expect(200);
    const body = bodyOf(approved, contract.agreement);
    expect(body.educationPlan).toMatchObject({ status: 'approved', approvedOn, reviewedOn: null, link: 'https://arkiv.bodo.kommune.no/sak/2026-1432', reviewDueOn: addMonths(approvedOn, 6) });
    expect(codes(body)).not.toContain('no_education_plan');
    expect(codes(body)).toContain('education_plan_review_due');
    expect(await withWarning('education_plan_review_due')).toContain(agreement.id);

    const reviewed = bodyOf(await http(t).patch(`${BASE}/${agreement.id}`).set(admin.auth).set('if-match', etagOf(approved)).send({ educationPlan: { reviewedOn: today } }).expect(200), contract.agreement);
    expect(reviewed.educationPlan.reviewDueOn).toBe(addMonths(today, 6));
    expect(codes(reviewed)).not.toContain('education_plan_review_due');
    expect(await withWarning('education_plan_review_due')).not.toContain(agreement.id);

    // Audited, and in the change feed as the agreement changed.
    const audit = await auditTrail(t, admin, { entityType: 'agreement', entityId: agreement.id });
    expect(audit[0]).toMatchObject({ action: 'agreement.updated', before: { educationPlanReviewedOn: null }, after: { educationPlanReviewedOn: today } });
    expect(audit[1]).toMatchObject({ after: { educationPlanStatus: 'approved', educationPlanApprovedOn: approvedOn } });
    const feed = bodyOf(await http(t).get('/api/v1/events').query({ types: 'agreement.updated', limit: 500 }).set(admin.auth).expect(200), contract.eventFeed);
    const last = feed.items.filter((event) => event.subject.id === agreement.id).at(-1);
    expect((last?.data as Agreement | undefined)?.educationPlan.reviewedOn).toBe(today);

    // Back to draft: the approval date goes with the approval.
    const back = bodyOf(await plan(agreement.id, { status: 'draft' }).expect(200), contract.agreement);
    expect(back.educationPlan).toMatchObject({ status: 'draft', approvedOn: null, reviewedOn: today });
  });

  it('refuses an approval without its date, dates in the future, a review before the approval, a date without approval', async () => {
    const agreement = await activeAgreement(addMonths(today, -1));
    const problem = async (body: Record<string, unknown>) => expectProblem(await plan(agreement.id, body), 400, 'validation_failed').errors[0];
    expect(await problem({ status: 'approved' })).toMatchObject({ path: 'educationPlan.approvedOn', code: 'required' });
    expect(await problem({ status: 'approved', approvedOn: addDays(today, 1) })).toMatchObject({ path: 'educationPlan.approvedOn', code: 'in_future' });
    expect(await problem({ status: 'approved', approvedOn: today, reviewedOn: addDays(today, -1) })).toMatchObject({
      path: 'educationPlan.reviewedOn',
      code: 'too_early',
      params: { earliest: today },
    });
    expect(await problem({ status: 'draft', approvedOn: today })).toMatchObject({ code: 'not_allowed', params: { reason: 'approved_only' } });
    expect(await problem({ status: 'lost' })).toMatchObject({ path: 'educationPlan.status', code: 'invalid_value' });
    expect(await problem({ file: 'x' })).toMatchObject({ path: 'educationPlan.file', code: 'unknown_field' });
  });

  it('is kept by whoever keeps the agreement: the municipality\'s client and its office; others get 404', async () => {
    const agreement = await activeAgreement(addMonths(today, -1), admin, '1818');
    const viaClient = bodyOf(await plan(agreement.id, { status: 'approved', approvedOn: today }, heroyClient).expect(200), contract.agreement);
    expect(viaClient.educationPlan.status).toBe('approved');
    await plan(agreement.id, { link: 'Sak 2026/77' }, nordOffice).expect(200);
    expectProblem(await plan(agreement.id, { status: 'draft' }, bodoClient), 404, 'not_found');
    expectProblem(await plan(agreement.id, { status: 'draft' }, osloOffice), 404, 'not_found');
  });

  it('gives no warning to a draft: it has not run', async () => {
    const created = await http(t)
      .post(BASE)
      .set(admin.auth)
      .send({ kommunenummer: '1804', doctorId: (await insertDoctor(t)).id, employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate: '2023-01-01' })
      .expect(201);
    expect(codes(bodyOf(created, contract.agreement))).not.toContain('no_education_plan');
  });
});
