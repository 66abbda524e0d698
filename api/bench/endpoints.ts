// The endpoints `pnpm bench` measures, one entry each: how to pick keys from the seeded data, the
// API path, the same request on the API's services (for the SQL check), and the bare handler: the
// API's SQL, statement by statement, and the API's JSON, built with plain code.
//
// To add an endpoint: append an entry. Write its statements by copying the SQL the API sends (run
// `BENCH_ONLY=<name> pnpm bench` with a first guess: the SQL check prints what the API sent, text
// and values, beside what the bare handler sent). Then shape the rows as the API's service does.
// run.ts refuses to measure an entry whose SQL or answers differ from the API's.
import {
  type Agreement,
  EXACT_TOTAL_UP_TO,
  listAgreementsQuery,
  listDoctorsQuery,
  listGrantApplicationsQuery,
  listMunicipalitiesQuery,
  listSupervisorsQuery,
  qualifiedAsVeileder,
  todayInNorway,
} from '@alis/shared';
import type { Principal } from '../src/lib/principal.js';
import type { AgreementRow } from '../src/modules/agreements/agreements.repo.js';
import { pageFacts, planRulesOf, toAgreement } from '../src/modules/agreements/agreements.service.js';
import { parseConfig } from '../src/config.js';
import type { ApplicationRow } from '../src/modules/grants/grant-applications.repo.js';
import { toGrantApplication } from '../src/modules/grants/grant-applications.service.js';
import type { Services } from '../src/services.js';
import { type BareAnswer, type BareCaller, type BareStatement, type Run, cursorOf, etag, page } from './bare.js';
import {
  AGREEMENTS_IN_MUNICIPALITY,
  AGREEMENTS_OF_OFFICE,
  AGREEMENTS_OF_OFFICE_TOTAL,
  AGREEMENTS_TOTAL,
  AGREEMENT_BY_ID,
  DOCTORS_OF_OFFICE,
  DOCTORS_TOTAL,
  DOCTOR_BY_ID,
  GRANT_APPLICATIONS_PAGE,
  GRANT_APPLICATIONS_TOTAL,
  MUNICIPALITIES_OF_OFFICE,
  MUNICIPALITIES_TOTAL,
  MUNICIPALITY_BY_NUMBER,
  OPEN_AGREEMENTS,
  OPEN_AGREEMENTS_OF_AGREEMENTS_DOCTOR,
  OPEN_AGREEMENTS_OF_ONE_DOCTOR,
  REGISTRATION_PERIODS,
  REGISTRATION_PERIODS_OF_AGREEMENT,
  SHARES,
  SUPERVISIONS_OF,
  SUPERVISORS_OF_OFFICE,
  SUPERVISORS_TOTAL,
  SUPERVISOR_BY_ID,
  VEILEDER_SUPERVISIONS,
  VEILEDER_SUPERVISIONS_OF_ONE,
} from './statements.js';
import { officePrincipal } from './api-statements.js';

export interface Endpoint {
  /** For BENCH_ONLY and the report. */
  name: string;
  /** The request, as the API documents it. */
  title: string;
  /** SQL over the seeded data giving the keys requests pick from at random ($1: the office's code); null for one fixed path. */
  keys: string | null;
  /** The API path for a key (the bare server answers the same path). */
  path: (key: string) => string;
  /** How the bare server recognises the path; group 1 is the key. */
  route: RegExp;
  /** The same request on the API's own services, to capture the SQL the API sends (api-statements.ts). */
  api: (services: Services, principal: Principal, key: string) => Promise<unknown>;
  /** The bare handler: the API's statements in the API's order, and the API's answer. */
  bare: (run: Run, key: string, caller: BareCaller) => Promise<BareAnswer>;
}

const LIMIT = 50;
const notFound: BareAnswer = { status: 404, body: { status: 404 } };
const iso = (value: Date) => value.toISOString();
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

// --- municipalities ------------------------------------------------------------------------------

type MunicipalityRow = [
  string, string, string, string, string, string, string | null, number | null, number | null, boolean,
  string | null, string | null, string | null, string | null, string, string | null, number, Date, string,
];

const municipalityView = (r: MunicipalityRow) => ({
  kommunenummer: r[0],
  name: r[1],
  shortName: r[2],
  countyNumber: r[3],
  countyName: r[4],
  officeCode: r[5],
  organisationNumber: r[6],
  centralityClass: r[7],
  population: r[8],
  recruitmentChallenged: r[9],
  registrationStatus: r[18],
  contactName: r[10],
  contactEmail: r[11],
  contactPhone: r[12],
  notes: r[13],
  validFrom: r[14],
  validTo: r[15],
  version: r[16],
  updatedAt: iso(r[17]),
});

// --- agreements ----------------------------------------------------------------------------------

type AgreementArray = [
  string, string, string, string, string, string, string, string | null, string | null, Agreement['employmentForm'], Agreement['position'],
  number, string | null, string, boolean, string | null, Agreement['status'], string | null, Agreement['endReason'], string | null, string,
  Agreement['educationPlan']['status'], string | null, string | null, string | null, number, Date, Date,
];
type PeriodArray = [string, string, string, string | null];
type VeilederArray = [string, string, string, string, string | null, string, boolean, string | null, string | null, string | null, number, number];
type OpenArray = [string, string, string, string, number];
type ShareArray = [string, string, number];

const agreementRow = (r: AgreementArray): AgreementRow => ({
  id: r[0],
  kommunenummer: r[1],
  municipalityName: r[2],
  officeCode: r[3],
  doctorId: r[4],
  doctorHprNumber: r[5],
  doctorName: r[6],
  doctorLis1CompletedOn: r[7],
  doctorSpecialistApprovedOn: r[8],
  employmentForm: r[9],
  position: r[10],
  positionPercent: r[11],
  signedOn: r[12],
  startDate: r[13],
  viaStaffingAgency: r[14],
  notes: r[15],
  status: r[16],
  endDate: r[17],
  endReason: r[18],
  cancellationReason: r[19],
  plannedEndDate: r[20],
  educationPlanStatus: r[21],
  educationPlanApprovedOn: r[22],
  educationPlanReviewedOn: r[23],
  educationPlanLink: r[24],
  version: r[25],
  createdAt: r[26],
  updatedAt: r[27],
});

/**
 * AgreementsService's viewsOf: four more statements whatever the number of rows, at once (a fifth when
 * a doctor has another open agreement, completedViews), then the views.
 * The warnings and periods come from the API's own pure rules (pageFacts, toAgreement): what is
 * measured is the framework and the driver, not the domain rules both run alike.
 */
async function agreementViews(run: Run, rows: readonly AgreementArray[], today: string): Promise<Agreement[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r[0]);
  // One id is bound as itself, to a statement of its own (the API's `oneOrAnyOf`).
  const [onlyId] = ids;
  const doctorIds = [...new Set(rows.map((r) => r[4]))];
  const [onlyDoctor] = doctorIds;
  // The four that need only the page's rows at once, each on a connection of its own (the API sends
  // them in one round trip on one connection: pg's Query cannot).
  const [periods, veileders, open, sharesOnPage] = await run.together(() =>
    Promise.all([
      run<PeriodArray>(REGISTRATION_PERIODS, [[...new Set(rows.map((r) => r[1]))], 'ALM']),
      ids.length === 1
        ? run<VeilederArray>(VEILEDER_SUPERVISIONS_OF_ONE, ['veileder', today, today, onlyId, 'veileder', today])
        : run<VeilederArray>(VEILEDER_SUPERVISIONS, ['veileder', today, today, ids, 'veileder', today]),
      doctorIds.length === 1
        ? run<OpenArray>(OPEN_AGREEMENTS_OF_ONE_DOCTOR, [onlyDoctor, 'draft', 'active'])
        : run<OpenArray>(OPEN_AGREEMENTS, [doctorIds, 'draft', 'active']),
      run<ShareArray>(SHARES, [ids]),
    ]),
  );
  return completedViews(run, rows, [periods, veileders, open, sharesOnPage], today);
}

/** AgreementsService's completedFacts, then the views: the doctors' other open agreements' shares, when there are any. */
async function completedViews(
  run: Run,
  rows: readonly AgreementArray[],
  [periods, veileders, open, sharesOfRows]: [PeriodArray[], VeilederArray[], OpenArray[], ShareArray[]],
  today: string,
): Promise<Agreement[]> {
  const asked = new Set(rows.map((r) => r[0]));
  const others = [...new Set(open.map((o) => o[0]).filter((id) => !asked.has(id)))];
  const shares = others.length === 0 ? sharesOfRows : [...sharesOfRows, ...(await run<ShareArray>(SHARES, [others]))];
  const facts = pageFacts(
    periods.map((p) => ({ kommunenummer: p[0], status: p[1], fromDate: p[2], toDate: p[3] })),
    veileders.map((v) => ({
      agreementId: v[0],
      supervisionId: v[1],
      supervisorId: v[2],
      from: v[3],
      to: v[4],
      name: v[5],
      specialistInGeneralPractice: v[6],
      specialistApprovedOn: v[7],
      exemptionFrom: v[8],
      exemptionUntil: v[9],
      capacity: v[10],
      activeVeilederCount: v[11],
    })),
    open.map((o) => ({ id: o[0], doctorId: o[1], startDate: o[2], plannedEndDate: o[3], positionPercent: o[4] })),
    shares.map((x) => ({ agreementId: x[0], fromDate: x[1], percent: x[2] })),
    planRulesOf(parseConfig({})),
  );
  return rows.map((r) => toAgreement(agreementRow(r), facts, today));
}

/** AgreementsService's list: the first page (newest start first) of what `filter` selects, its views, its total. */
async function agreementsPage(run: Run, page: BareStatement, count: BareStatement, filter: readonly unknown[]): Promise<BareAnswer> {
  const rows = await run<AgreementArray>(page, [...filter, LIMIT + 1]);
  const pageRows = rows.slice(0, LIMIT);
  const last = pageRows.at(-1);
  const [items, total] = await run.together(() =>
    Promise.all([agreementViews(run, pageRows, todayInNorway()), totalOf(run, count, filter)]),
  );
  return {
    status: 200,
    body: { items, nextCursor: rows.length > LIMIT && last ? cursorOf({ s: '-startDate', v: [last[13], last[0]] }) : null, total },
  };
}

// --- doctors -------------------------------------------------------------------------------------

type DoctorRow = [string, string, string, string | null, string | null, string | null, 'new' | 'old', string | null, string | null, string | null, number, Date, Date];
const doctorView = (r: DoctorRow) => ({
  id: r[0],
  hprNumber: r[1],
  name: r[2],
  email: r[3],
  phone: r[4],
  lis1CompletedOn: r[5],
  scheme: r[6],
  specialistApprovedOn: r[7],
  version: r[10],
  createdAt: iso(r[11]),
  updatedAt: iso(r[12]),
});

// --- supervisors ---------------------------------------------------------------------------------

type SupervisorRow = [
  string, string, string, string | null, string | null, string | null, boolean, string | null, string | null, string | null, string | null,
  number, string | null, number, Date, Date, number,
];
type SupervisionRow = [string, string, 'veileder' | 'supervisor' | 'group_leader', string, string | null, string, string];

const supervisorView = (r: SupervisorRow, today: string) => ({
  id: r[0],
  hprNumber: r[1],
  name: r[2],
  email: r[3],
  phone: r[4],
  workplaceKommunenummer: r[5],
  specialistInGeneralPractice: r[6],
  specialistApprovedOn: r[7],
  exemptionFrom: r[8],
  exemptionUntil: r[9],
  courseCompletedOn: r[10],
  capacity: r[11],
  qualifiedToday: qualifiedAsVeileder({ specialistInGeneralPractice: r[6], specialistApprovedOn: r[7], exemptionFrom: r[8], exemptionUntil: r[9] }, today),
  currentLoad: r[16],
  version: r[13],
  createdAt: iso(r[14]),
  updatedAt: iso(r[15]),
});

/** A list's total, as the API counts it: exactly, up to its bound. */
async function totalOf(run: Run, statement: BareStatement, values: readonly unknown[]) {
  const [row] = await run<[number]>(statement, [...values, EXACT_TOTAL_UP_TO + 1]);
  return { count: row?.[0] ?? 0, exact: true };
}
// --- grant applications --------------------------------------------------------------------------

type GrantApplicationArray = [
  string, string, string, string, string | null, number | null, string, string, string, string, string, string, ApplicationRow['status'],
  string | null, number | null, number | null, string | null, number | null, string | null, string | null, string | null, string | null,
  number | null, string | null, number | null, string | null, string | null, number, Date, Date, number, ApplicationRow['currentRates'],
  ApplicationRow['lines'], ApplicationRow['registration'], ApplicationRow['otherClaims'],
];

const grantApplicationRow = (r: GrantApplicationArray): ApplicationRow => ({
  id: r[0],
  kommunenummer: r[1],
  municipalityName: r[2],
  officeCode: r[3],
  municipalityOrganisationNumber: r[4],
  municipalityCentralityClass: r[5],
  schemeCode: r[6],
  schemeName: r[7],
  periodFrom: r[8],
  periodTo: r[9],
  applicationDeadline: r[10],
  auditorCertificateDueDate: r[11],
  status: r[12],
  notes: r[13],
  rateVersion: r[14],
  centralityClass: r[15],
  organisationNumber: r[16],
  totalNok: r[17],
  submittedOn: r[18],
  lateSubmissionReason: r[19],
  decisionDate: r[20],
  decisionReference: r[21],
  grantedNok: r[22],
  paidOn: r[23],
  paidNok: r[24],
  withdrawnOn: r[25],
  auditorCertificateReceivedOn: r[26],
  version: r[27],
  createdAt: r[28],
  updatedAt: r[29],
  currentRateVersion: r[30],
  currentRates: r[31],
  lines: r[32],
  registration: r[33],
  otherClaims: r[34],
});

// --- the table -----------------------------------------------------------------------------------

const IN_OFFICE = 'join municipalities m on m.kommunenummer = a.kommunenummer where m.office_code = $1';

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'municipality-get',
    title: 'GET /municipalities/{k}',
    keys: 'select kommunenummer from municipalities where office_code = $1',
    path: (k) => `/api/v1/municipalities/${k}`,
    route: /^\/api\/v1\/municipalities\/(\d{4})$/,
    api: (services, principal, k) => services.municipalities.get(principal, k),
    async bare(run, k, caller) {
      const [row] = await run<MunicipalityRow>(MUNICIPALITY_BY_NUMBER, ['ALM', k, caller.officeCode, caller.officeCode, null, null]);
      return row ? { status: 200, body: municipalityView(row), etag: etag(row[16]) } : notFound;
    },
  },
  {
    name: 'municipalities-list',
    title: 'GET /municipalities',
    keys: null,
    path: () => '/api/v1/municipalities',
    route: /^\/api\/v1\/municipalities()$/,
    api: (services, principal) => services.municipalities.list(principal, listMunicipalitiesQuery.parse({})),
    async bare(run, _k, caller) {
      const [rows, total] = await run.together(() =>
        Promise.all([
          run<MunicipalityRow>(MUNICIPALITIES_OF_OFFICE, ['ALM', caller.officeCode, LIMIT + 1]),
          totalOf(run, MUNICIPALITIES_TOTAL, ['ALM', caller.officeCode]),
        ]),
      );
      return { status: 200, body: page(rows, LIMIT, municipalityView, (r) => ({ s: 'kommunenummer', v: [r[0]] }), total) };
    },
  },
  {
    name: 'agreements-list',
    title: 'GET /agreements?kommunenummer={k}',
    keys: `select distinct a.kommunenummer from agreements a ${IN_OFFICE}`,
    path: (k) => `/api/v1/agreements?kommunenummer=${k}`,
    route: /^\/api\/v1\/agreements\?kommunenummer=(\d{4})$/,
    api: (services, principal, k) => services.agreements.list(principal, listAgreementsQuery.parse({ kommunenummer: k })),
    bare: (run, k, caller) => agreementsPage(run, AGREEMENTS_IN_MUNICIPALITY, AGREEMENTS_TOTAL, [caller.officeCode, k]),
  },
  {
    // The office's first page (50 agreements at every scale): what a page costs as the tables grow,
    // where a municipality's page holds a few agreements at scale 1 and a full page at scale 10.
    name: 'agreements-office-list',
    title: 'GET /agreements',
    keys: null,
    path: () => '/api/v1/agreements',
    route: /^\/api\/v1\/agreements()$/,
    api: (services, principal) => services.agreements.list(principal, listAgreementsQuery.parse({})),
    bare: (run, _k, caller) => agreementsPage(run, AGREEMENTS_OF_OFFICE, AGREEMENTS_OF_OFFICE_TOTAL, [caller.officeCode]),
  },
  {
    name: 'agreement-get',
    title: 'GET /agreements/{id}',
    keys: `select a.id from agreements a ${IN_OFFICE}`,
    path: (id) => `/api/v1/agreements/${id}`,
    route: new RegExp(`^/api/v1/agreements/${UUID}$`),
    api: (services, principal, id) => services.agreements.get(principal, id),
    // AgreementsService's get: the row and the four statements of its facts at once (the facts found by
    // the agreement's id), then completedViews.
    async bare(run, id, caller) {
      const today = todayInNorway();
      const [rows, ...facts] = await run.together(() =>
        Promise.all([
          run<AgreementArray>(AGREEMENT_BY_ID, [id, caller.officeCode]),
          run<PeriodArray>(REGISTRATION_PERIODS_OF_AGREEMENT, [id, 'ALM']),
          run<VeilederArray>(VEILEDER_SUPERVISIONS_OF_ONE, ['veileder', today, today, id, 'veileder', today]),
          run<OpenArray>(OPEN_AGREEMENTS_OF_AGREEMENTS_DOCTOR, [id, 'draft', 'active']),
          run<ShareArray>(SHARES, [[id]]),
        ]),
      );
      const [row] = rows;
      if (!row) return notFound;
      const [view] = await completedViews(run, [row], facts, today);
      return { status: 200, body: view, etag: etag(row[25]) };
    },
  },
  {
    name: 'doctors-list',
    title: 'GET /doctors',
    keys: null,
    path: () => '/api/v1/doctors',
    route: /^\/api\/v1\/doctors()$/,
    api: (services, principal) => services.doctors.list(principal, listDoctorsQuery.parse({})),
    async bare(run, _k, { officeCode }) {
      const [rows, total] = await run.together(() =>
        Promise.all([run<DoctorRow>(DOCTORS_OF_OFFICE, [officeCode, LIMIT + 1]), totalOf(run, DOCTORS_TOTAL, [officeCode])]),
      );
      return { status: 200, body: page(rows, LIMIT, doctorView, (r) => ({ s: 'name', v: [r[2], r[0]] }), total) };
    },
  },
  {
    name: 'doctor-get',
    title: 'GET /doctors/{id}',
    keys: `select distinct a.doctor_id from agreements a ${IN_OFFICE}`,
    path: (id) => `/api/v1/doctors/${id}`,
    route: new RegExp(`^/api/v1/doctors/${UUID}$`),
    api: (services, principal, id) => services.doctors.get(principal, id),
    async bare(run, id, { officeCode }) {
      const [row] = await run<DoctorRow>(DOCTOR_BY_ID, [id, officeCode]);
      return row ? { status: 200, body: doctorView(row), etag: etag(row[10]) } : notFound;
    },
  },
  {
    name: 'supervisors-list',
    title: 'GET /supervisors',
    keys: null,
    path: () => '/api/v1/supervisors',
    route: /^\/api\/v1\/supervisors()$/,
    api: (services, principal) => services.supervisors.list(principal, listSupervisorsQuery.parse({})),
    async bare(run, _k, { officeCode }) {
      const today = todayInNorway();
      const [rows, total] = await run.together(() =>
        Promise.all([
          run<SupervisorRow>(SUPERVISORS_OF_OFFICE, ['veileder', today, today, officeCode, LIMIT + 1]),
          totalOf(run, SUPERVISORS_TOTAL, [officeCode]),
        ]),
      );
      return { status: 200, body: page(rows, LIMIT, (r) => supervisorView(r, today), (r) => ({ s: 'name', v: [r[2], r[0]] }), total) };
    },
  },
  {
    name: 'supervisor-get',
    title: 'GET /supervisors/{id}',
    keys: 'select s.id from supervisors s join municipalities m on m.kommunenummer = s.workplace_kommunenummer where m.office_code = $1',
    path: (id) => `/api/v1/supervisors/${id}`,
    route: new RegExp(`^/api/v1/supervisors/${UUID}$`),
    api: (services, principal, id) => services.supervisors.get(principal, id),
    async bare(run, id, { officeCode }) {
      const today = todayInNorway();
      const [[row], supervisions] = await run.together(() =>
        Promise.all([
          run<SupervisorRow>(SUPERVISOR_BY_ID, ['veileder', today, today, id, officeCode]),
          run<SupervisionRow>(SUPERVISIONS_OF, [id, officeCode]),
        ]),
      );
      if (!row) return notFound;
      return {
        status: 200,
        etag: etag(row[13]),
        body: {
          ...supervisorView(row, today),
          supervisions: supervisions.map((s) => ({
            supervisionId: s[0],
            agreementId: s[1],
            role: s[2],
            from: s[3],
            to: s[4],
            doctorName: s[5],
            kommunenummer: s[6],
            active: s[3] <= today && (s[4] === null || s[4] >= today),
          })),
        },
      };
    },
  },
  {
    name: 'grant-applications-list',
    title: 'GET /grant-applications?kommunenummer={k}',
    keys: 'select distinct a.kommunenummer from grant_applications a join municipalities m on m.kommunenummer = a.kommunenummer where m.office_code = $1',
    path: (k) => `/api/v1/grant-applications?kommunenummer=${k}`,
    route: /^\/api\/v1\/grant-applications\?kommunenummer=(\d{4})$/,
    api: (services, principal, k) => services.grantApplications.list(principal, listGrantApplicationsQuery.parse({ kommunenummer: k })),
    async bare(run, k, { officeCode }) {
      const today = todayInNorway();
      // The office's scope and the municipality: the API prepares one statement per set of filters given.
      const filters = [officeCode, k];
      const [rows, total] = await run.together(() =>
        Promise.all([run<GrantApplicationArray>(GRANT_APPLICATIONS_PAGE, [...filters, LIMIT + 1]), totalOf(run, GRANT_APPLICATIONS_TOTAL, filters)]),
      );
      // The office user the harness logs in as, as the API reads it from the access token.
      const principal = officePrincipal(officeCode);
      const items = rows.slice(0, LIMIT);
      const last = items.at(-1);
      return {
        status: 200,
        body: {
          items: items.map((r) => toGrantApplication(grantApplicationRow(r), principal, today)),
          nextCursor: rows.length > LIMIT && last ? cursorOf({ p: last[8], s: last[6], k: last[1], i: last[0] }) : null,
          total,
        },
      };
    },
  },
];
