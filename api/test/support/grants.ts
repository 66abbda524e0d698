/**
 * What the grant tests build on: a scheme of their own, municipalities with the master data a grant
 * needs, and agreements made through the API (so they have their share history and absences as
 * users make them).
 */
import * as contract from '@alis/shared';
import { type CreateGrantSchemeRequest, type GrantApplication, type GrantLineInput, SAMPLE_RATE_TABLE, addDays, todayInNorway } from '@alis/shared';
import { eq } from 'drizzle-orm';
import { uniqueOrganisationNumber } from '../../src/db/demo-municipalities.js';
import { municipalities } from '../../src/db/schema.js';
import type { TestApp } from './build-app.js';
import { bodyOf, etagOf } from './expect.js';
import { type Caller, http } from './factories.js';
import { insertDoctor, insertRegistration } from './rows.js';

export const APPLICATIONS = '/api/v1/grant-applications';

/** The sample table, with a rate that makes an exact half krone: 45 000 × 33 % × 1 / 12 = 1 237.5. */
export const TEST_RATES = { ...SAMPLE_RATE_TABLE, guidance_only: { ...SAMPLE_RATE_TABLE.guidance_only, '5': 45_000 } };

/** A scheme for 2025 (every month of it has run), open for applications for another 60 days. */
export async function createScheme(t: TestApp, admin: Caller, overrides: Partial<CreateGrantSchemeRequest> = {}) {
  const body: CreateGrantSchemeRequest = {
    code: `test-${Math.random().toString(36).slice(2, 10)}`,
    name: 'Testordning 2025',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    applicationDeadline: addDays(todayInNorway(), 60),
    expectedDecisionDate: addDays(todayInNorway(), 120),
    auditorCertificateDueDate: addDays(todayInNorway(), 400),
    annualRatesNok: TEST_RATES,
    ...overrides,
  };
  return bodyOf(await http(t).post('/api/v1/grant-schemes').set(admin.auth).send(body).expect(201), contract.grantScheme);
}

/** Sets the master data a grant needs (or clears it with nulls). */
export async function setMasterData(t: TestApp, kommunenummer: string, values: { organisationNumber: string | null; centralityClass: number | null }) {
  await t.database.db.update(municipalities).set(values).where(eq(municipalities.kommunenummer, kommunenummer));
}

/**
 * A valid organisation number (MOD11) of the municipality's own: organisation numbers are unique
 * among municipalities, so each gets one from its kommunenummer (9 + kommunenummer + 00 upwards).
 */
export const testOrganisationNumber = (kommunenummer: string) => uniqueOrganisationNumber(90_000_000 + Number(kommunenummer) * 100, new Set());

/** A municipality registered (§ 19) since 2019, with an organisation number and a centrality class. */
export async function grantReadyMunicipality(t: TestApp, kommunenummer: string, centralityClass = 5, organisationNumber = testOrganisationNumber(kommunenummer)) {
  await setMasterData(t, kommunenummer, { organisationNumber, centralityClass });
  await insertRegistration(t, kommunenummer, { status: 'registered', applicationDate: '2019-01-10', registeredFrom: '2019-03-01' });
}

export interface AgreementOptions {
  kommunenummer: string;
  doctorId?: string;
  startDate?: string;
  positionPercent?: number;
  position?: 'gp' | 'gp_locum' | 'introduction' | 'other';
  viaStaffingAgency?: boolean;
  /** Terminated on this day. */
  endDate?: string;
  /** Left as a draft (never signed). */
  draft?: boolean;
}

/** An agreement made and activated through the API, as an admin. */
export async function createAgreement(t: TestApp, admin: Caller, options: AgreementOptions) {
  const doctorId = options.doctorId ?? (await insertDoctor(t)).id;
  const startDate = options.startDate ?? '2024-01-01';
  const created = await http(t)
    .post('/api/v1/agreements')
    .set(admin.auth)
    .send({
      kommunenummer: options.kommunenummer,
      doctorId,
      employmentForm: 'salaried',
      position: options.position ?? 'gp',
      positionPercent: options.positionPercent ?? 100,
      startDate,
      signedOn: addDays(startDate, -14),
      viaStaffingAgency: options.viaStaffingAgency ?? false,
    })
    .expect(201);
  const { id } = bodyOf(created, contract.agreement);
  if (!options.draft) await http(t).post(`/api/v1/agreements/${id}/transitions`).set(admin.auth).send({ to: 'active' }).expect(200);
  if (options.endDate) {
    await http(t)
      .post(`/api/v1/agreements/${id}/transitions`)
      .set(admin.auth)
      .send({ to: 'terminated', endDate: options.endDate, endReason: 'left_position' })
      .expect(200);
  }
  return { id, doctorId };
}

/** A line claiming a whole agreement at full time for 12 months, unless told otherwise. */
export const lineFor = (agreement: { id: string; doctorId: string }, overrides: Partial<GrantLineInput> = {}): GrantLineInput => ({
  agreementId: agreement.id,
  doctorId: agreement.doctorId,
  lineType: 'gp',
  positionPercent: 100,
  months: 12,
  ...overrides,
});

export async function createApplication(
  t: TestApp,
  caller: Caller,
  body: { kommunenummer: string; schemeCode: string; lines: GrantLineInput[]; notes?: string },
): Promise<{ application: GrantApplication; etag: string }> {
  const response = await http(t).post(APPLICATIONS).set(caller.auth).send(body).expect(201);
  return { application: bodyOf(response, contract.grantApplication), etag: etagOf(response) };
}

export async function getApplication(t: TestApp, caller: Caller, id: string): Promise<{ application: GrantApplication; etag: string }> {
  const response = await http(t).get(`${APPLICATIONS}/${id}`).set(caller.auth).expect(200);
  return { application: bodyOf(response, contract.grantApplication), etag: etagOf(response) };
}

/** Moves the application, expecting success. */
export async function moveApplication(t: TestApp, caller: Caller, id: string, body: contract.GrantTransitionRequest): Promise<GrantApplication> {
  const response = await http(t).post(`${APPLICATIONS}/${id}/transitions`).set(caller.auth).send(body);
  if (response.status !== 200) throw new Error(`expected 200 moving to ${body.to}, got ${response.status} ${JSON.stringify(response.body)}`);
  return bodyOf(response, contract.grantApplication);
}

export const problemCodes = (application: GrantApplication) => application.problems.map((problem) => [problem.code, problem.line] as const);
