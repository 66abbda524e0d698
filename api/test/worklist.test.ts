import * as contract from '@alis/shared';
import { addDays, addMonths, addYears, todayInNorway } from '@alis/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, directorate, heroyClient, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf } from './support/expect.js';
import { freshHprNumber } from './support/rows.js';
import { type Caller, expectProblem, http } from './support/factories.js';
import { APPLICATIONS, createAgreement, createApplication, createScheme, grantReadyMunicipality, lineFor, moveApplication } from './support/grants.js';

/** The office's worklist (issue 14): grant deadlines with drafts, certificates due, agreements ending. */
useCast();

const today = todayInNorway();
const worklistOf = async (caller: Caller, query: Record<string, string> = {}) =>
  bodyOf(await http(t).get('/api/v1/worklist').query(query).set(caller.auth).expect(200), contract.worklist);
const GRANTS_AND_ENDINGS = new Set(['grant_deadline', 'auditor_certificate', 'agreement_ending']);
/** The grant and agreement-ending lines (the office-work lines are tested below). */
const grantsAndEndings = async (caller: Caller, query: Record<string, string> = {}) =>
  (await worklistOf(caller, query)).items.filter((item) => GRANTS_AND_ENDINGS.has(item.type));

let draftId: string;
let grantedId: string;
let endingId: string;

beforeAll(async () => {
  await grantReadyMunicipality(t, '1818');
  await grantReadyMunicipality(t, '1804');
  // Deadline in 5 days: a draft of Bodø's is on the list; Herøy's, granted, is there for its certificate due in 20 days.
  const soon = await createScheme(t, admin, {
    applicationDeadline: addDays(today, 5),
    expectedDecisionDate: addDays(today, 10),
    auditorCertificateDueDate: addDays(today, 20),
  });
  // Far off: neither its deadline nor its drafts are due.
  const later = await createScheme(t, admin, { applicationDeadline: addDays(today, 31) });
  const bodo = await createAgreement(t, admin, { kommunenummer: '1804', startDate: '2025-01-01' });
  draftId = (await createApplication(t, admin, { kommunenummer: '1804', schemeCode: soon.code, lines: [lineFor(bodo)] })).application.id;
  await createApplication(t, admin, { kommunenummer: '1804', schemeCode: later.code, lines: [lineFor(bodo)] });
  const heroy = await createAgreement(t, admin, { kommunenummer: '1818', startDate: '2025-01-01' });
  const submitted = (await createApplication(t, heroyClient, { kommunenummer: '1818', schemeCode: soon.code, lines: [lineFor(heroy)] })).application;
  await moveApplication(t, heroyClient, submitted.id, { to: 'submitted' });
  const granted = await moveApplication(t, directorate, submitted.id, { to: 'granted', decisionDate: today, decisionReference: '26/9', grantedNok: submitted.totalNok ?? 0 });
  grantedId = granted.id;
  // Five years from about four years and ten months ago: ends in about two months.
  endingId = (await createAgreement(t, admin, { kommunenummer: '1818', startDate: addMonths(addYears(today, -5), 2) })).id;
});

describe('GET /api/v1/worklist', () => {
  it("gives an office its cases by due date, each naming its case, and nothing of another office's", async () => {
    const list = await worklistOf(nordOffice);
    expect(list).toMatchObject({ officeCode: 'nord', today });
    list.items = list.items.filter((item) => GRANTS_AND_ENDINGS.has(item.type));
    expect(list.items.map((item) => [item.type, item.subject.id, item.dueDate, item.overdue])).toEqual([
      ['grant_deadline', draftId, addDays(today, 5), false],
      ['auditor_certificate', grantedId, addDays(today, 20), false],
      ['agreement_ending', endingId, expect.any(String), false],
    ]);
    expect(list.items[0]).toMatchObject({ kommunenummer: '1804', municipalityName: 'Bodø', subject: { type: 'grant_application' } });
    expect(list.items[2]).toMatchObject({ kommunenummer: '1818', subject: { type: 'agreement' } });
    expect((list.items[2]?.dueDate ?? '') < addMonths(today, 6)).toBe(true);
    expect(await grantsAndEndings(osloOffice)).toEqual([]);
  });

  it('shows a certificate past its due date as overdue, and drops it once it is received', async () => {
    await t.database.db.execute(sql`update grant_schemes set auditor_certificate_due_date = ${addDays(today, -3)}
      where code = (select scheme_code from grant_applications where id = ${grantedId})`);
    const overdue = (await grantsAndEndings(nordOffice)).find((item) => item.type === 'auditor_certificate');
    expect(overdue).toMatchObject({ subject: { id: grantedId }, dueDate: addDays(today, -3), overdue: true });
    await http(t).patch(`${APPLICATIONS}/${grantedId}`).set(directorate.auth).send({ auditorCertificateReceivedOn: today }).expect(200);
    expect((await grantsAndEndings(nordOffice)).map((item) => item.type)).toEqual(['grant_deadline', 'agreement_ending']);
  });

  it("lets an admin name the office, and refuses what is not the caller's", async () => {
    expect(await grantsAndEndings(admin, { officeCode: 'nord' })).toHaveLength(2);
    expectProblem(await http(t).get('/api/v1/worklist').set(admin.auth), 400, 'validation_failed');
    expectProblem(await http(t).get('/api/v1/worklist').query({ officeCode: 'vest' }).set(nordOffice.auth), 404, 'not_found');
    expectProblem(await http(t).get('/api/v1/worklist').query({ officeCode: 'nowhere' }).set(admin.auth), 404, 'not_found');
    expectProblem(await http(t).get('/api/v1/worklist').set(heroyClient.auth), 403, 'forbidden');
    expectProblem(await http(t).get('/api/v1/worklist').set(directorate.auth), 403, 'forbidden');
  });
});

describe('the office work on the worklist', () => {
  const ofType = async (type: contract.WorklistItemType) => (await worklistOf(nordOffice)).items.filter((item) => item.type === type);

  it('lists follow-ups due until they are done, and municipalities that need special attention until followed up', async () => {
    await http(t).patch('/api/v1/municipalities/1820').set(admin.auth).send({ recruitmentChallenged: true }).expect(200);
    expect((await ofType('special_attention')).map((item) => [item.subject.type, item.subject.id])).toContainEqual(['municipality', '1820']);
    const logged = bodyOf(
      await http(t)
        .post('/api/v1/municipalities/1820/follow-ups')
        .set(nordOffice.auth)
        .send({ date: today, kind: 'phone', summary: 'Ringte om rekruttering', nextFollowUpOn: addDays(today, 10) })
        .expect(201),
      contract.followUp,
    );
    expect((await ofType('special_attention')).map((item) => item.subject.id)).not.toContain('1820');
    expect(await ofType('follow_up_due')).toEqual([
      expect.objectContaining({ dueDate: addDays(today, 10), kommunenummer: '1820', subject: { type: 'municipality', id: '1820' }, label: 'Ringte om rekruttering' }),
    ]);
    await http(t).patch(`/api/v1/municipalities/1820/follow-ups/${logged.id}`).set(nordOffice.auth).send({ done: true }).expect(200);
    expect(await ofType('follow_up_due')).toEqual([]);
  });

  it('lists education plans due for approval, and open courses with seats before their deadline', async () => {
    const plans = await ofType('education_plan');
    // Started 2025-01-01 with no plan: due three months after the start, long overdue.
    const started = plans.filter((item) => item.dueDate === '2025-04-01');
    expect(started.length).toBeGreaterThan(0);
    expect(started.every((item) => item.overdue && item.subject.type === 'agreement')).toBe(true);
    // Approved today: next due for review in twelve months, off the list until then.
    expect(plans.map((item) => item.subject.id)).toContain(endingId);
    await http(t).patch(`/api/v1/agreements/${endingId}`).set(admin.auth).send({ educationPlan: { status: 'approved', approvedOn: today } }).expect(200);
    expect((await ofType('education_plan')).map((item) => item.subject.id)).not.toContain(endingId);
    const course = bodyOf(
      await http(t)
        .post('/api/v1/courses')
        .set(nordOffice.auth)
        .send({ title: 'Veilederkurs, Nord', kind: 'veilederkurs', days: [addDays(today, 40), addDays(today, 41)], place: 'Bodø', capacity: 2, registrationDeadline: addDays(today, 20) })
        .expect(201),
      contract.course,
    );
    expect(await ofType('course_open_seats')).toEqual([]);
    await http(t).post(`/api/v1/courses/${course.id}/transitions`).set(nordOffice.auth).send({ to: 'open' }).expect(200);
    expect(await ofType('course_open_seats')).toEqual([
      expect.objectContaining({ dueDate: addDays(today, 20), kommunenummer: null, subject: { type: 'course', id: course.id }, label: 'Veilederkurs, Nord' }),
    ]);
  });
});

describe("the compliance report's cases on the worklist", () => {
  const ofTypes = async (...types: contract.WorklistItemType[]) => (await worklistOf(nordOffice)).items.filter((item) => types.includes(item.type));
  const veileder = async (body: Record<string, unknown>) =>
    bodyOf(
      await http(t).post('/api/v1/supervisors').set(admin.auth).send({ hprNumber: freshHprNumber(), specialistInGeneralPractice: true, ...body }).expect(201),
      contract.supervisorDetail,
    );
  const supervise = (agreementId: string, supervisorId: string) =>
    http(t).post(`/api/v1/agreements/${agreementId}/supervisions`).set(admin.auth).send({ role: 'veileder', supervisorId, from: '2025-01-01' }).expect(201);

  it('lists ALIS without a veileder, veiledere not qualified or over capacity: the same cases as the compliance report', async () => {
    const unsupervised = await createAgreement(t, admin, { kommunenummer: '1804', startDate: '2025-02-01' });
    // Nobody has supervised it since its start: due 30 days after.
    expect(await ofTypes('agreement_without_veileder')).toContainEqual(
      expect.objectContaining({ subject: { type: 'agreement', id: unsupervised.id }, dueDate: '2025-03-03', overdue: true, kommunenummer: '1804' }),
    );
    const lapsed = await veileder({ name: 'Utløpt Fritak', specialistInGeneralPractice: false, exemptionFrom: '2024-01-01', exemptionUntil: '2025-06-30' });
    await supervise(unsupervised.id, lapsed.id);
    const busy = await veileder({ name: 'Travel Veileder', capacity: 1 });
    const first = await createAgreement(t, admin, { kommunenummer: '1804', startDate: '2025-01-01' });
    const second = await createAgreement(t, admin, { kommunenummer: '1818', startDate: '2025-01-01' });
    await supervise(first.id, busy.id);
    await supervise(second.id, busy.id);
    const cases = await ofTypes('agreement_without_veileder', 'veileder_not_qualified', 'veileder_over_capacity');
    expect(cases.map((item) => item.subject.id)).not.toContain(first.id);
    expect(cases).toContainEqual(
      expect.objectContaining({ type: 'veileder_not_qualified', dueDate: today, overdue: false, subject: { type: 'agreement', id: unsupervised.id }, label: expect.stringContaining('Utløpt Fritak') }),
    );
    expect(cases).toContainEqual(
      expect.objectContaining({ type: 'veileder_over_capacity', dueDate: today, subject: { type: 'supervisor', id: busy.id }, label: 'Travel Veileder', kommunenummer: '1804' }),
    );
    // The report, as of today, holds exactly these cases.
    const report = bodyOf(await http(t).get('/api/v1/reports/compliance').set(nordOffice.auth).expect(200), contract.complianceReport);
    const KINDS: Record<string, contract.WorklistItemType> = {
      agreement_without_veileder: 'agreement_without_veileder',
      veileder_not_qualified: 'veileder_not_qualified',
      veileder_over_capacity: 'veileder_over_capacity',
      agreement_ending_soon: 'agreement_ending',
      certificate_overdue: 'auditor_certificate',
    };
    const fromReport = report.items.flatMap((item) => (KINDS[item.kind] ? [`${KINDS[item.kind]}:${item.subject.id}`] : [])).sort();
    const onWorklist = (await ofTypes(...Object.values(KINDS)))
      .filter((item) => item.type !== 'auditor_certificate' || item.overdue)
      .map((item) => `${item.type}:${item.subject.id}`)
      .sort();
    expect(onWorklist).toEqual(fromReport);
  });

  it('is kept until the data changes: 304 for its ETag, a new answer after a change of any office work', async () => {
    const first = await http(t).get('/api/v1/worklist').set(nordOffice.auth).expect(200);
    const etag = String(first.headers.etag);
    await http(t).get('/api/v1/worklist').set(nordOffice.auth).set('if-none-match', etag).expect(304);
    // Another office's list is another answer.
    const oslo = await http(t).get('/api/v1/worklist').set(osloOffice.auth).expect(200);
    expect(oslo.headers.etag).not.toBe(etag);
    await http(t).post('/api/v1/municipalities/1804/follow-ups').set(nordOffice.auth).send({ date: today, kind: 'email', summary: 'Purret på plan', nextFollowUpOn: addDays(today, 3) }).expect(201);
    const changed = await http(t).get('/api/v1/worklist').set(nordOffice.auth).set('if-none-match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(bodyOf(changed, contract.worklist).items).toContainEqual(expect.objectContaining({ type: 'follow_up_due', label: 'Purret på plan' }));
  });
});
