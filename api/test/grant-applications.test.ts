import * as contract from '@alis/shared';
import { type GrantApplication, SAMPLE_RATE_TABLE, lineAmount } from '@alis/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, bodoClient, directorate, heroyClient, nordOffice, osloClient, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf, expectDefined, first } from './support/expect.js';
import { type Caller, auditTrail, expectProblem, http } from './support/factories.js';
import {
  APPLICATIONS,
  createAgreement,
  createApplication,
  createScheme,
  getApplication,
  grantReadyMunicipality,
  testOrganisationNumber,
  lineFor,
  moveApplication,
  problemCodes,
  setMasterData,
} from './support/grants.js';
import { insertDoctor, insertRegistration } from './support/rows.js';
import { countSent } from './support/sql.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

useCast();

let schemeCode: string;
let otherSchemeCode: string;
beforeAll(async () => {
  schemeCode = (await createScheme(t, admin)).code;
  otherSchemeCode = (await createScheme(t, admin)).code;
  // Herøy: class 5 (gp 412 000 kr); Bodø: class 3 (gp 350 000 kr).
  await grantReadyMunicipality(t, '1818', 5, '974760673');
  await grantReadyMunicipality(t, '1804', 3, '983887457');
  await grantReadyMunicipality(t, '0301', 1, '889640782');
});

const list = async (caller: Caller, query: Record<string, string | number> = {}) =>
  bodyOf(await http(t).get(APPLICATIONS).query(query).set(caller.auth).expect(200), contract.grantApplicationPage);

describe('amounts', () => {
  it('computes each line from the rate of its type and the municipality\'s class, rounded half up, and the total', async () => {
    const agreement = await createAgreement(t, admin, { kommunenummer: '1818', positionPercent: 80 });
    const guided = await insertDoctor(t);
    const { application, etag } = await createApplication(t, nordOffice, {
      kommunenummer: '1818',
      schemeCode,
      lines: [
        lineFor(agreement, { positionPercent: 80, months: 9 }),
        { doctorId: guided.id, lineType: 'guidance_only', positionPercent: 33, months: 1 },
      ],
      notes: 'Første utkast',
    });
    expect(etag).toBe('"v1"');
    expect(application).toMatchObject({
      kommunenummer: '1818',
      municipalityName: 'Herøy (Nordland)',
      officeCode: 'nord',
      scheme: { code: schemeCode, periodFrom: '2025-01-01', periodTo: '2025-12-31', periodMonths: 12 },
      status: 'draft',
      notes: 'Første utkast',
      organisationNumber: '974760673',
      centralityClass: 5,
      rateVersion: 1,
      amountsFixed: false,
      problems: [],
      certificateOverdue: false,
      allowedTransitions: ['submitted', 'withdrawn'],
    });
    // sats 412 000 kr × 80 % × 9/12 = 247 200; 45 000 × 33 % × 1/12 = 1 237.5 → 1 238.
    expect(application.lines.map((line) => [line.lineType, line.annualRateNok, line.amountNok])).toEqual([
      ['gp', 412_000, 247_200],
      ['guidance_only', 45_000, 1238],
    ]);
    expect(application.totalNok).toBe(248_438);
    expect(first(application.lines).doctor).toMatchObject({ id: agreement.doctorId, name: 'Ola ALIS' });
    expect(await getApplication(t, heroyClient, application.id)).toEqual({ application, etag });

    const [created] = await auditTrail(t, admin, { entityType: 'grant_application', entityId: application.id });
    expect(created).toMatchObject({ action: 'grant_application.created', actorId: nordOffice.id, after: { kommunenummer: '1818', schemeCode, status: 'draft' } });
  });

  it('has no amounts without a centrality class, and says why', async () => {
    await setMasterData(t, '1820', { organisationNumber: null, centralityClass: null });
    const doctor = await insertDoctor(t);
    const { application } = await createApplication(t, admin, {
      kommunenummer: '1820',
      schemeCode,
      lines: [{ doctorId: doctor.id, lineType: 'guidance_only', positionPercent: 100, months: 12 }],
    });
    expect(application.lines.map((line) => [line.annualRateNok, line.amountNok])).toEqual([[null, null]]);
    expect(application.totalNok).toBeNull();
    expect(problemCodes(application)).toEqual([
      ['no_organisation_number', null],
      ['no_centrality_class', null],
    ]);
    expect(application.problems[0]).toMatchObject({ path: 'kommunenummer', lineId: null, params: {} });

    // An invalid organisation number counts as none; the class makes the amounts.
    await setMasterData(t, '1820', { organisationNumber: '123456789', centralityClass: 6 });
    const { application: again } = await getApplication(t, admin, application.id);
    expect(problemCodes(again)).toEqual([['no_organisation_number', null]]);
    expect(again.totalNok).toBe(SAMPLE_RATE_TABLE.guidance_only['6']);
  });
});

describe('eligibility problems', () => {
  it('names each problem with its line, path and params, on every read', async () => {
    const mine = await createAgreement(t, admin, { kommunenummer: '1818' });
    const bodos = await createAgreement(t, admin, { kommunenummer: '1804' });
    const agency = await createAgreement(t, admin, { kommunenummer: '1818', viaStaffingAgency: true });
    const late = await createAgreement(t, admin, { kommunenummer: '1818', startDate: '2025-04-01' });
    const otherDoctor = await insertDoctor(t);
    const { application } = await createApplication(t, admin, {
      kommunenummer: '1818',
      schemeCode,
      lines: [
        lineFor(mine, { months: 13 }),
        lineFor(bodos),
        lineFor(agency),
        lineFor(late, { months: 10 }),
        lineFor(mine, { doctorId: otherDoctor.id, positionPercent: 0, months: 1 }),
        { doctorId: otherDoctor.id, lineType: 'gp', positionPercent: 100, months: 1 },
        { doctorId: mine.doctorId, agreementId: mine.id, lineType: 'guidance_only', positionPercent: 100, months: 1 },
      ],
    });
    expect(problemCodes(application)).toEqual([
      ['months_out_of_range', 0],
      ['months_exceed_agreement', 0],
      ['full_time_months_exceeded', 0],
      ['agreement_other_municipality', 1],
      ['staffing_agency', 2],
      ['months_exceed_agreement', 3],
      ['agreement_other_doctor', 4],
      ['percent_out_of_range', 4],
      ['months_exceed_agreement', 4],
      ['agreement_required', 5],
      ['doctor_claimed_twice', 5],
      ['guidance_with_agreement', 6],
      ['months_exceed_agreement', 6],
      ['doctor_claimed_twice', 6],
      ['full_time_months_exceeded', 6],
    ]);
    const byLine = (line: number, code: string) => expectDefined(application.problems.find((p) => p.line === line && p.code === code));
    expect(byLine(0, 'months_exceed_agreement')).toMatchObject({ path: 'lines.0.months', lineId: application.lines[0]?.id, params: { months: 15, claimable: 12 } });
    expect(byLine(1, 'agreement_other_municipality').params).toEqual({ kommunenummer: '1804' });
    expect(byLine(3, 'months_exceed_agreement').params).toEqual({ months: 10, claimable: 9 });
    expect(byLine(5, 'doctor_claimed_twice').params).toEqual({ otherLine: 4 });
    expect(byLine(0, 'full_time_months_exceeded').params).toEqual({ fullTimeMonths: 14, availableMonths: 12 });
    for (const problem of application.problems) expect(problem.message).toMatch(/\S/);
  });

  it('finds the same doctor on another application of the municipality in the scheme, but not on a withdrawn one', async () => {
    const agreement = await createAgreement(t, admin, { kommunenummer: '1818' });
    const { application: firstOne } = await createApplication(t, heroyClient, { kommunenummer: '1818', schemeCode, lines: [lineFor(agreement, { months: 6 })] });
    const { application: second } = await createApplication(t, heroyClient, { kommunenummer: '1818', schemeCode, lines: [lineFor(agreement, { months: 6 })] });
    expect(second.problems.map((p) => [p.code, p.params])).toEqual([['doctor_claimed_twice', { applicationId: firstOne.id }]]);
    // Another scheme is another claim.
    const { application: otherScheme } = await createApplication(t, heroyClient, { kommunenummer: '1818', schemeCode: otherSchemeCode, lines: [lineFor(agreement)] });
    expect(otherScheme.problems).toEqual([]);

    await moveApplication(t, heroyClient, firstOne.id, { to: 'withdrawn' });
    expect((await getApplication(t, heroyClient, second.id)).application.problems).toEqual([]);
  });

  it('finds a doctor claimed for more full-time months than the period has across municipalities, naming the other application', async () => {
    const doctor = await insertDoctor(t);
    const inHeroy = await createAgreement(t, admin, { kommunenummer: '1818', doctorId: doctor.id, positionPercent: 60 });
    const inBodo = await createAgreement(t, admin, { kommunenummer: '1804', doctorId: doctor.id, positionPercent: 60 });
    const { application: heroy } = await createApplication(t, heroyClient, { kommunenummer: '1818', schemeCode, lines: [lineFor(inHeroy, { positionPercent: 60 })] });
    expect(heroy.problems).toEqual([]);
    const { application: bodo } = await createApplication(t, bodoClient, { kommunenummer: '1804', schemeCode, lines: [lineFor(inBodo, { positionPercent: 60 })] });
    expect(bodo.problems.map((p) => [p.code, p.params])).toEqual([
      ['full_time_months_exceeded', { fullTimeMonths: 14.4, availableMonths: 12, applicationId: heroy.id, kommunenummer: '1818' }],
    ]);
    // Both see it; within the period both fit once one claims fewer months.
    expect(problemCodes((await getApplication(t, heroyClient, heroy.id)).application)).toEqual([['full_time_months_exceeded', 0]]);
    await http(t).patch(`${APPLICATIONS}/${bodo.id}`).set(bodoClient.auth).send({ lines: [lineFor(inBodo, { positionPercent: 60, months: 8 })] }).expect(200);
    expect((await getApplication(t, bodoClient, bodo.id)).application.problems).toEqual([]);
  });

  it('holds an agreement\'s lines to its months at its shares', async () => {
    const agreement = await createAgreement(t, admin, { kommunenummer: '1818', startDate: '2024-06-01' });
    await http(t).patch(`/api/v1/agreements/${agreement.id}`).set(admin.auth).send({ positionPercent: 50, positionPercentFrom: '2025-07-01' }).expect(200);
    const { application } = await createApplication(t, admin, { kommunenummer: '1818', schemeCode, lines: [lineFor(agreement)] });
    expect(application.problems.map((p) => [p.code, p.path, p.params])).toEqual([
      ['share_exceeds_agreement', 'lines.0.positionPercent', { fullTimeMonths: 12, claimableFullTimeMonths: 9 }],
    ]);
  });
});

describe('draft from agreements', () => {
  it('makes one line per share of each agreement that ran, with its whole claimable months, and keeps what cannot be claimed as problems', async () => {
    const k = '1828';
    await grantReadyMunicipality(t, k, 6);
    const whole = await createAgreement(t, admin, { kommunenummer: k, position: 'gp_locum' });
    const shares = await createAgreement(t, admin, { kommunenummer: k, startDate: '2024-03-01' });
    await http(t).patch(`/api/v1/agreements/${shares.id}`).set(admin.auth).send({ positionPercent: 50, positionPercentFrom: '2025-07-15' }).expect(200);
    const away = await createAgreement(t, admin, { kommunenummer: k, position: 'introduction' });
    await http(t).post(`/api/v1/agreements/${away.id}/absences`).set(admin.auth).send({ kind: 'institution_service', from: '2025-03-15', to: '2025-04-10' }).expect(201);
    await http(t).post(`/api/v1/agreements/${away.id}/absences`).set(admin.auth).send({ kind: 'leave', from: '2025-06-01', to: '2025-06-30' }).expect(201);
    const ended = await createAgreement(t, admin, { kommunenummer: k, startDate: '2023-01-01', endDate: '2025-05-30' });
    const agency = await createAgreement(t, admin, { kommunenummer: k, viaStaffingAgency: true, positionPercent: 80 });
    const tooLate = await createAgreement(t, admin, { kommunenummer: k, startDate: '2025-12-15' });
    // Not claimed: a draft never ran, one that ended before the period, and another municipality's.
    await createAgreement(t, admin, { kommunenummer: k, startDate: '2025-02-01', draft: true });
    await createAgreement(t, admin, { kommunenummer: k, startDate: '2023-01-01', endDate: '2024-12-31' });
    await createAgreement(t, admin, { kommunenummer: '1818', doctorId: whole.doctorId });

    const response = await http(t).post(`${APPLICATIONS}/draft-from-agreements`).set(nordOffice.auth).send({ kommunenummer: k, schemeCode }).expect(201);
    const application = bodyOf(response, contract.grantApplication);
    expect(response.headers.location).toBe(`${APPLICATIONS}/${application.id}`);
    const lines = application.lines.map((line) => [line.agreementId, line.lineType, line.positionPercent, line.months].join(' '));
    expect([...lines].sort()).toEqual(
      [
        [ended.id, 'gp', 100, 4],
        [whole.id, 'gp_locum', 100, 12],
        [away.id, 'introduction', 100, 10],
        [agency.id, 'gp', 80, 12],
        [shares.id, 'gp', 100, 6],
        [shares.id, 'gp', 50, 6],
        [tooLate.id, 'gp', 100, 0],
      ]
        .map((line) => line.join(' '))
        .sort(),
    );
    // Oldest start first; an agreement's shares in the order they held.
    expect(first(lines)).toBe(`${ended.id} gp 100 4`);
    expect(lines.at(-3)).toBe(`${shares.id} gp 100 6`);
    expect(lines.at(-2)).toBe(`${shares.id} gp 50 6`);
    expect(lines.at(-1)).toBe(`${tooLate.id} gp 100 0`);
    expect(problemCodes(application)).toEqual(
      expect.arrayContaining([
        ['staffing_agency', application.lines.findIndex((line) => line.agreementId === agency.id)],
        ['no_claimable_months', application.lines.findIndex((line) => line.agreementId === tooLate.id)],
      ]),
    );
    expect(application.problems).toHaveLength(2);
    // Class 6: 400 000 for a locum a year; half of 450 000 for six months.
    const amountOf = (id: string, percent: number) => application.lines.find((line) => line.agreementId === id && line.positionPercent === percent)?.amountNok;
    expect(amountOf(whole.id, 100)).toBe(400_000);
    expect(amountOf(shares.id, 50)).toBe(lineAmount(450_000, 50, 6));
    const [audit] = await auditTrail(t, admin, { entityType: 'grant_application', entityId: application.id });
    expect(audit).toMatchObject({ action: 'grant_application.drafted_from_agreements', actorId: nordOffice.id });
  });

  it('leaves out months in which service did not count', async () => {
    const k = '1832';
    await setMasterData(t, k, { organisationNumber: testOrganisationNumber(k), centralityClass: 4 });
    await insertRegistration(t, k, { status: 'deregistered', applicationDate: '2019-01-10', registeredFrom: '2019-03-01' }, [
      { from: 'not_registered', to: 'preparing', date: '2018-12-01' },
      { from: 'preparing', to: 'applied', date: '2019-01-10' },
      { from: 'applied', to: 'registered', date: '2019-05-01' },
      { from: 'registered', to: 'deregistered', date: '2025-10-15' },
    ]);
    const agreement = await createAgreement(t, admin, { kommunenummer: k });
    const application = bodyOf(
      await http(t).post(`${APPLICATIONS}/draft-from-agreements`).set(admin.auth).send({ kommunenummer: k, schemeCode }).expect(201),
      contract.grantApplication,
    );
    expect(application.lines.map((line) => [line.agreementId, line.months])).toEqual([[agreement.id, 9]]);
    // Claiming the three months that did not count is a problem.
    await http(t).patch(`${APPLICATIONS}/${application.id}`).set(admin.auth).send({ lines: [lineFor(agreement)] }).expect(200);
    expect(problemCodes((await getApplication(t, admin, application.id)).application)).toEqual([['months_exceed_agreement', 0]]);
  });

  it('is refused outside the caller\'s scope and for an unknown scheme', async () => {
    expectProblem(await http(t).post(`${APPLICATIONS}/draft-from-agreements`).set(heroyClient.auth).send({ kommunenummer: '1804', schemeCode }), 404, 'not_found');
    expectProblem(await http(t).post(`${APPLICATIONS}/draft-from-agreements`).set(osloOffice.auth).send({ kommunenummer: '1818', schemeCode }), 404, 'not_found');
    const unknown = expectProblem(
      await http(t).post(`${APPLICATIONS}/draft-from-agreements`).set(admin.auth).send({ kommunenummer: '1818', schemeCode: 'finnes-ikke' }),
      400,
      'validation_failed',
    );
    expect(unknown.errors).toEqual([expect.objectContaining({ path: 'schemeCode', code: 'unknown_reference', params: { entity: 'grant_scheme', value: 'finnes-ikke' } })]);
    expectProblem(await http(t).post(`${APPLICATIONS}/draft-from-agreements`).set(directorate.auth).send({ kommunenummer: '1818', schemeCode }), 403, 'forbidden');
  });
});

describe('creating and changing a draft', () => {
  it('checks references: unknown doctors and agreements outside the caller\'s scope are 400', async () => {
    const bodos = await createAgreement(t, admin, { kommunenummer: '1804' });
    const response = await http(t)
      .post(APPLICATIONS)
      .set(heroyClient.auth)
      .send({
        kommunenummer: '1818',
        schemeCode,
        lines: [lineFor(bodos), { doctorId: '00000000-0000-4000-8000-000000000000', lineType: 'guidance_only', positionPercent: 100, months: 12 }],
      });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors.map((e) => [e.path, e.code])).toEqual([
      ['lines.0.agreementId', 'unknown_reference'],
      ['lines.1.doctorId', 'unknown_reference'],
    ]);
  });

  it('refuses invalid input with 400, and months and shares beyond what can be stored', async () => {
    const doctor = await insertDoctor(t);
    const problem = expectProblem(
      await http(t)
        .post(APPLICATIONS)
        .set(admin.auth)
        .send({ kommunenummer: '1818', schemeCode, lines: [{ doctorId: doctor.id, lineType: 'fastlege', positionPercent: 1000, months: -1 }], status: 'paid' }),
      400,
      'validation_failed',
    );
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['lines.0.lineType', 'lines.0.months', 'lines.0.positionPercent', 'status']);
  });

  it('answers 404 for a municipality outside the scope, 403 to the directorate', async () => {
    const doctor = await insertDoctor(t);
    const body = { schemeCode, lines: [{ doctorId: doctor.id, lineType: 'guidance_only', positionPercent: 100, months: 12 }] };
    expectProblem(await http(t).post(APPLICATIONS).set(heroyClient.auth).send({ ...body, kommunenummer: '1804' }), 404, 'not_found');
    expectProblem(await http(t).post(APPLICATIONS).set(osloOffice.auth).send({ ...body, kommunenummer: '1818' }), 404, 'not_found');
    expectProblem(await http(t).post(APPLICATIONS).set(admin.auth).send({ ...body, kommunenummer: '9999' }), 404, 'not_found');
    expectProblem(await http(t).post(APPLICATIONS).set(directorate.auth).send({ ...body, kommunenummer: '1818' }), 403, 'forbidden');
  });

  it('replaces the lines and notes of a draft, honouring If-Match, audited', async () => {
    const agreement = await createAgreement(t, admin, { kommunenummer: '1818' });
    const { application, etag } = await createApplication(t, heroyClient, { kommunenummer: '1818', schemeCode, lines: [lineFor(agreement, { months: 13 })] });
    expect(problemCodes(application)).toEqual([['months_out_of_range', 0], ['months_exceed_agreement', 0], ['full_time_months_exceeded', 0]]);

    const fixed = await http(t)
      .patch(`${APPLICATIONS}/${application.id}`)
      .set(heroyClient.auth)
      .set('if-match', etag)
      .send({ lines: [lineFor(agreement, { months: 12 })], notes: 'Rettet' })
      .expect(200);
    const changed = bodyOf(fixed, contract.grantApplication);
    expect(fixed.headers.etag).toBe('"v2"');
    expect(changed).toMatchObject({ notes: 'Rettet', problems: [], totalNok: 412_000 });
    expect(first(changed.lines).id).not.toBe(first(application.lines).id);

    const stale = expectProblem(await http(t).patch(`${APPLICATIONS}/${application.id}`).set(heroyClient.auth).set('if-match', etag).send({ notes: 'x' }), 412, 'precondition_failed');
    expect(stale.currentETag).toBe('"v2"');
    const [update] = await auditTrail(t, admin, { entityType: 'grant_application', entityId: application.id });
    expect(update).toMatchObject({ action: 'grant_application.updated', actorType: 'client', before: { notes: null }, after: { notes: 'Rettet', lines: [{ months: 12 }] } });
  });

  it('changes lines only while draft, and not as the directorate', async () => {
    const agreement = await createAgreement(t, admin, { kommunenummer: '1804' });
    const { application } = await createApplication(t, bodoClient, { kommunenummer: '1804', schemeCode, lines: [lineFor(agreement)] });
    expectProblem(await http(t).patch(`${APPLICATIONS}/${application.id}`).set(admin.auth).send({ auditorCertificateReceivedOn: '2026-01-01' }), 409, 'conflict');
    await moveApplication(t, bodoClient, application.id, { to: 'submitted' });
    expectProblem(await http(t).patch(`${APPLICATIONS}/${application.id}`).set(bodoClient.auth).send({ notes: 'Etterpå' }), 409, 'conflict');
    expectProblem(await http(t).patch(`${APPLICATIONS}/${application.id}`).set(directorate.auth).send({ notes: 'Direktoratet' }), 403, 'forbidden');
  });
});

describe('scope', () => {
  let heroy: GrantApplication;
  let bodoSubmitted: GrantApplication;
  let oslo: GrantApplication;
  beforeAll(async () => {
    const doctor = await insertDoctor(t);
    const line = { doctorId: doctor.id, lineType: 'guidance_only' as const, positionPercent: 10, months: 1 };
    heroy = (await createApplication(t, heroyClient, { kommunenummer: '1818', schemeCode: otherSchemeCode, lines: [line] })).application;
    const bodoDoctor = await insertDoctor(t);
    const bodo = (await createApplication(t, bodoClient, { kommunenummer: '1804', schemeCode: otherSchemeCode, lines: [{ ...line, doctorId: bodoDoctor.id }] })).application;
    bodoSubmitted = await moveApplication(t, bodoClient, bodo.id, { to: 'submitted' });
    const osloDoctor = await insertDoctor(t);
    oslo = (await createApplication(t, osloClient, { kommunenummer: '0301', schemeCode: otherSchemeCode, lines: [{ ...line, doctorId: osloDoctor.id }] })).application;
  });

  it('answers 404 outside the caller\'s scope, and to the directorate for a draft', async () => {
    for (const [caller, id] of [
      [heroyClient, bodoSubmitted.id],
      [bodoClient, heroy.id],
      [osloOffice, heroy.id],
      [nordOffice, oslo.id],
      [directorate, heroy.id],
    ] as const) {
      expectProblem(await http(t).get(`${APPLICATIONS}/${id}`).set(caller.auth), 404, 'not_found');
      expectProblem(await http(t).patch(`${APPLICATIONS}/${id}`).set(caller.auth).send({}), 404, 'not_found');
      expectProblem(await http(t).post(`${APPLICATIONS}/${id}/transitions`).set(caller.auth).send({ to: 'withdrawn' }), 404, 'not_found');
      expectProblem(await http(t).get(`${APPLICATIONS}/${id}/history`).set(caller.auth), 404, 'not_found');
    }
    expectProblem(await http(t).get(`${APPLICATIONS}/00000000-0000-4000-8000-000000000000`).set(admin.auth), 404, 'not_found');
    const seen = await getApplication(t, directorate, bodoSubmitted.id);
    expect(seen.application.allowedTransitions).toEqual(['granted', 'partially_granted', 'rejected']);
  });

  it('lists what each caller may see, with filters', async () => {
    const ids = async (caller: Caller, query: Record<string, string> = {}) =>
      new Set((await list(caller, { schemeCode: otherSchemeCode, limit: 200, ...query })).items.map((item) => item.id));
    expect(await ids(heroyClient)).toEqual(new Set([heroy.id, ...(await ids(admin, { kommunenummer: '1818' }))]));
    expect(await ids(heroyClient)).not.toContain(bodoSubmitted.id);
    expect(await ids(nordOffice)).toEqual(expect.objectContaining({ size: (await ids(admin, { officeCode: 'nord' })).size }));
    expect(await ids(nordOffice)).not.toContain(oslo.id);
    expect(await ids(osloOffice)).toEqual(new Set([oslo.id]));
    const seenByDirectorate = await ids(directorate);
    expect(seenByDirectorate).toContain(bodoSubmitted.id);
    expect([...seenByDirectorate].some((id) => id === heroy.id || id === oslo.id)).toBe(false);
    expect(await ids(admin, { status: 'submitted', kommunenummer: '1804' })).toEqual(new Set([bodoSubmitted.id]));
  });

  it('pages by scheme period, scheme, municipality and id, with a cursor', async () => {
    const all = (await list(admin, { limit: 200 })).items;
    const order = all.map((item) => [item.scheme.periodFrom, item.scheme.code, item.kommunenummer, item.id].join(' '));
    const sorted = [...all]
      .sort((a, b) => (a.scheme.periodFrom === b.scheme.periodFrom ? 0 : a.scheme.periodFrom > b.scheme.periodFrom ? -1 : 1) || (a.scheme.code + a.kommunenummer + a.id < b.scheme.code + b.kommunenummer + b.id ? -1 : 1))
      .map((item) => [item.scheme.periodFrom, item.scheme.code, item.kommunenummer, item.id].join(' '));
    expect(order).toEqual(sorted);
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await list(admin, { limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((item) => item.id));
    expectProblem(await http(t).get(APPLICATIONS).query({ cursor: 'bm90LWEtY3Vyc29y' }).set(admin.auth), 400, 'invalid_cursor');
  });

  it('sums the applications by status', async () => {
    const summary = bodyOf(await http(t).get(`${APPLICATIONS}/summary`).query({ schemeCode: otherSchemeCode }).set(admin.auth).expect(200), contract.grantApplicationSummary);
    const items = (await list(admin, { schemeCode: otherSchemeCode, limit: 200 })).items;
    expect(summary.count).toBe(items.length);
    expect(summary.totalNok).toBe(items.reduce((sum, item) => sum + (item.totalNok ?? 0), 0));
    for (const row of summary.byStatus) {
      const ofStatus = items.filter((item) => item.status === row.status);
      expect(row).toEqual({
        status: row.status,
        count: ofStatus.length,
        totalNok: ofStatus.reduce((sum, item) => sum + (item.totalNok ?? 0), 0),
        grantedNok: ofStatus.reduce((sum, item) => sum + (item.grantedNok ?? 0), 0),
        paidNok: ofStatus.reduce((sum, item) => sum + (item.paidNok ?? 0), 0),
      });
    }
    const ofDirectorate = bodyOf(await http(t).get(`${APPLICATIONS}/summary`).query({ schemeCode: otherSchemeCode }).set(directorate.auth).expect(200), contract.grantApplicationSummary);
    expect(ofDirectorate.byStatus.map((row) => row.status)).not.toContain('draft');
  });
});

describe('the list\'s cost', () => {
  it('reads a page and its total with two statements, whatever its size, and a kept page with none', async () => {
    const counted = async (limit: number) => {
      let items = 0;
      const sent = await countSent(t.database, async () => {
        items = (await list(admin, { limit })).items.length;
      });
      return { ...sent, items };
    };
    const one = await counted(1);
    const many = await counted(50);
    // The data version (pages are kept while it holds), then the page and its total (list conventions):
    // two statements for any page size, sent together on PostgreSQL (the embedded engine runs one at a time).
    const roundTripsExpected = TEST_DATABASE_URL ? 2 : 3;
    expect(one).toEqual({ statements: 3, roundTrips: roundTripsExpected, items: 1 });
    expect(many.items).toBeGreaterThan(5);
    expect(many).toMatchObject({ statements: 3, roundTrips: roundTripsExpected });
    // Asked again while nothing changed, the page is kept: the version alone is read.
    expect(await counted(50)).toEqual({ statements: 1, roundTrips: 1, items: many.items });
  });
});
