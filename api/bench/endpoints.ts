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
  listAgreementsQuery,
  listDoctorsQuery,
  listMunicipalitiesQuery,
  listSupervisorsQuery,
  qualifiedAsVeileder,
  todayInNorway,
} from '@alis/shared';
import type { Principal } from '../src/lib/principal.js';
import type { AgreementRow } from '../src/modules/agreements/agreements.repo.js';
import { pageFacts, toAgreement } from '../src/modules/agreements/agreements.service.js';
import type { Services } from '../src/services.js';
import { type BareAnswer, type BareCaller, type BareStatement, type Run, cursorOf, etag, page, placeholders } from './bare.js';

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

const MUNICIPALITY_COLUMNS =
  'select "municipalities"."kommunenummer", "municipalities"."name", "municipalities"."short_name", ' +
  '"municipalities"."county_number", "counties"."name", "municipalities"."office_code", ' +
  '"municipalities"."organisation_number", "municipalities"."centrality_class", "municipalities"."population", ' +
  '"municipalities"."recruitment_challenged", "municipalities"."contact_name", "municipalities"."contact_email", ' +
  '"municipalities"."contact_phone", "municipalities"."notes", "municipalities"."valid_from", ' +
  '"municipalities"."valid_to", "municipalities"."version", "municipalities"."updated_at" ' +
  'from "municipalities" inner join "counties" on "counties"."county_number" = "municipalities"."county_number" ';

/** municipalitiesRepo.get: the API's one prepared statement. */
const MUNICIPALITY_BY_NUMBER: BareStatement = {
  name: 'bare_municipality_by_number',
  apiPrepares: true,
  text:
    MUNICIPALITY_COLUMNS +
    'where ("municipalities"."kommunenummer" = $1 and ($2::text is null or "municipalities"."office_code" = $3) ' +
    'and ($4::text is null or "municipalities"."kommunenummer" = $5))',
};

/** municipalitiesRepo.list for an office user, first page. */
const MUNICIPALITIES_OF_OFFICE: BareStatement = {
  name: 'bare_municipalities_of_office',
  text: MUNICIPALITY_COLUMNS + 'where "municipalities"."office_code" = $1 order by "municipalities"."kommunenummer" asc limit $2',
};

type MunicipalityRow = [
  string, string, string, string, string, string, string | null, number | null, number | null, boolean,
  string | null, string | null, string | null, string | null, string, string | null, number, Date,
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

const AGREEMENT_COLUMNS =
  'select "agreements"."id", "agreements"."kommunenummer", "municipalities"."short_name", "municipalities"."office_code", ' +
  '"agreements"."doctor_id", "doctors"."hpr_number", "doctors"."name", "doctors"."lis1_completed_on", "doctors"."specialist_approved_on", ' +
  '"agreements"."employment_form", "agreements"."position", ' +
  '"agreements"."position_percent", "agreements"."signed_on", "agreements"."start_date", "agreements"."via_staffing_agency", ' +
  '"agreements"."notes", "agreements"."status", "agreements"."end_date", "agreements"."end_reason", "agreements"."cancellation_reason", "agreements"."planned_end_date", ' +
  '"agreements"."version", "agreements"."created_at", "agreements"."updated_at" from "agreements" ' +
  'inner join "municipalities" on "municipalities"."kommunenummer" = "agreements"."kommunenummer" ' +
  'inner join "doctors" on "doctors"."id" = "agreements"."doctor_id" ';

/** agreementsRepo.get in an office's scope. */
const AGREEMENT_BY_ID: BareStatement = {
  name: 'bare_agreement_by_id',
  text: AGREEMENT_COLUMNS + 'where ("agreements"."id" = $1 and "municipalities"."office_code" = $2)',
};

/** agreementsRepo.list with `kommunenummer`, in an office's scope, first page. */
const AGREEMENTS_IN_MUNICIPALITY: BareStatement = {
  name: 'bare_agreements_in_municipality',
  text:
    AGREEMENT_COLUMNS +
    'where ("municipalities"."office_code" = $1 and "agreements"."kommunenummer" = $2) ' +
    'order by "agreements"."start_date" desc, "agreements"."id" asc limit $3',
};

/** agreementsRepo.registrationHistory: drizzle writes `in (...)` with one placeholder per value. */
const registrationHistory = (count: number): BareStatement => ({
  name: `bare_registration_history_${count}`,
  text:
    'select "registrations"."kommunenummer", "registrations"."status", "registrations"."application_date", ' +
    '"registrations"."registered_from", "registration_transitions"."id", "registration_transitions"."to_status", ' +
    '"registration_transitions"."date" from "registrations" left join "registration_transitions" ' +
    'on "registration_transitions"."registration_id" = "registrations"."id" ' +
    `where ("registrations"."kommunenummer" in (${placeholders(1, count)}) and "registrations"."specialty" = $${count + 1}) ` +
    'order by "registrations"."kommunenummer" asc, "registration_transitions"."id" asc',
});

/** agreementsRepo.currentVeileders for `count` agreements: the load counted for the page's veileders only. */
const currentVeileders = (count: number): BareStatement => ({
  name: `bare_current_veileders_${count}`,
  text:
    'select "supervisions"."agreement_id", "supervisions"."id", "supervisions"."supervisor_id", "supervisors"."name", ' +
    '"supervisors"."specialist_in_general_practice", "supervisors"."specialist_approved_on", "supervisors"."exemption_from", ' +
    '"supervisors"."exemption_until", "supervisors"."capacity", coalesce("n", 0) ' +
    'from "supervisions" inner join "agreements" on "agreements"."id" = "supervisions"."agreement_id" ' +
    'inner join "supervisors" on "supervisors"."id" = "supervisions"."supervisor_id" ' +
    'left join (select "supervisor_id", count(*) as "n" from "supervisions" where ("supervisions"."role" = $1 and ' +
    '("supervisions"."from_date" <= $2 and ("supervisions"."to_date" is null or "supervisions"."to_date" >= $3)) and ' +
    '"supervisions"."supervisor_id" in (select "supervisor_id" from "supervisions" where ' +
    `("supervisions"."agreement_id" in (${placeholders(4, count)}) and "supervisions"."role" = $${count + 4}))) ` +
    'group by "supervisions"."supervisor_id") "load" on "load"."supervisor_id" = "supervisions"."supervisor_id" ' +
    `where ("supervisions"."agreement_id" in (${placeholders(count + 5, count)}) and "supervisions"."role" = $${2 * count + 5} and ` +
    `"supervisions"."from_date" <= greatest("agreements"."start_date", $${2 * count + 6}::date) and ` +
    `("supervisions"."to_date" is null or "supervisions"."to_date" >= greatest("agreements"."start_date", $${2 * count + 7}::date))) ` +
    'order by "supervisions"."agreement_id" asc, "supervisions"."from_date" desc',
});

/** agreementsRepo.openAgreementsOf for `count` doctors. */
const openAgreementsOf = (count: number): BareStatement => ({
  name: `bare_open_agreements_${count}`,
  text:
    'select "id", "doctor_id", "start_date", "planned_end_date" from "agreements" ' +
    `where ("agreements"."doctor_id" in (${placeholders(1, count)}) and "agreements"."status" in ($${count + 1}, $${count + 2}))`,
});

/** agreementsRepo.shares for `count` agreements. */
const sharesOf = (count: number): BareStatement => ({
  name: `bare_shares_${count}`,
  text:
    'select "agreement_id", "from_date", "percent" from "agreement_shares" ' +
    `where "agreement_shares"."agreement_id" in (${placeholders(1, count)}) ` +
    'order by "agreement_shares"."agreement_id" asc, "agreement_shares"."from_date" asc',
});

type AgreementArray = [
  string, string, string, string, string, string, string, string | null, string | null, Agreement['employmentForm'], Agreement['position'],
  number, string | null, string, boolean, string | null, Agreement['status'], string | null, Agreement['endReason'], string | null, string,
  number, Date, Date,
];
type HistoryArray = [string, string, string | null, string | null, string | null, string | null, string | null];
type VeilederArray = [string, string, string, string, boolean, string | null, string | null, string | null, number, string];
type OpenArray = [string, string, string, string];
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
  version: r[21],
  createdAt: r[22],
  updatedAt: r[23],
});

/**
 * AgreementsService's viewsOf: four more statements whatever the number of rows, then the views.
 * The warnings and periods come from the API's own pure rules (pageFacts, toAgreement): what is
 * measured is the framework and the driver, not the domain rules both run alike.
 */
async function agreementViews(run: Run, rows: readonly AgreementArray[], today: string): Promise<Agreement[]> {
  if (rows.length === 0) return [];
  const kommunenumre = [...new Set(rows.map((r) => r[1]))];
  const history = await run<HistoryArray>(registrationHistory(kommunenumre.length), [...kommunenumre, 'ALM']);
  const ids = rows.map((r) => r[0]);
  const veileders = await run<VeilederArray>(currentVeileders(ids.length), ['veileder', today, today, ...ids, 'veileder', ...ids, 'veileder', today, today]);
  const doctorIds = [...new Set(rows.map((r) => r[4]))];
  const open = await run<OpenArray>(openAgreementsOf(doctorIds.length), [...doctorIds, 'draft', 'active']);
  const shareIds = [...new Set([...ids, ...open.map((o) => o[0])])];
  const shares = await run<ShareArray>(sharesOf(shareIds.length), shareIds);
  const facts = pageFacts(
    history.map((h) => ({
      kommunenummer: h[0],
      status: h[1],
      applicationDate: h[2],
      registeredFrom: h[3],
      transitionId: h[4] === null ? null : BigInt(h[4]),
      toStatus: h[5],
      transitionDate: h[6],
    })),
    veileders.map((v) => ({
      agreementId: v[0],
      supervisionId: v[1],
      supervisorId: v[2],
      name: v[3],
      specialistInGeneralPractice: v[4],
      specialistApprovedOn: v[5],
      exemptionFrom: v[6],
      exemptionUntil: v[7],
      capacity: v[8],
      activeVeilederCount: Number(v[9]),
    })),
    open.map((o) => ({ id: o[0], doctorId: o[1], startDate: o[2], plannedEndDate: o[3] })),
    shares.map((x) => ({ agreementId: x[0], fromDate: x[1], percent: x[2] })),
  );
  return rows.map((r) => toAgreement(agreementRow(r), facts, today));
}

// --- doctors -------------------------------------------------------------------------------------

const DOCTOR_COLUMNS =
  'select "id", "hpr_number", "name", "email", "phone", "lis1_completed_on", "scheme", "specialist_approved_on", ' +
  '"created_by_office_code", "created_by_kommunenummer", "version", "created_at", "updated_at" from "doctors" ';

/** doctorsRepo's visibleTo for an office, with its three placeholders from `from`. */
const doctorVisibleToOffice = (from: number) =>
  `("doctors"."created_by_office_code" = $${from} or exists (select 1 from "agreements" inner join "municipalities" ` +
  'on "municipalities"."kommunenummer" = "agreements"."kommunenummer" where ("agreements"."doctor_id" = "doctors"."id" ' +
  `and "municipalities"."office_code" = $${from + 1})) or exists (select 1 from "municipalities" where ` +
  `("municipalities"."kommunenummer" = "doctors"."created_by_kommunenummer" and "municipalities"."office_code" = $${from + 2})))`;

const DOCTOR_BY_ID: BareStatement = { name: 'bare_doctor_by_id', text: `${DOCTOR_COLUMNS}where ("doctors"."id" = $1 and ${doctorVisibleToOffice(2)})` };
const DOCTORS_OF_OFFICE: BareStatement = {
  name: 'bare_doctors_of_office',
  text: `${DOCTOR_COLUMNS}where ${doctorVisibleToOffice(1)} order by "doctors"."name" asc, "doctors"."id" asc limit $4`,
};

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

const SUPERVISOR_COLUMNS =
  'select "id", "hpr_number", "name", "email", "phone", "workplace_kommunenummer", "specialist_in_general_practice", ' +
  '"specialist_approved_on", "exemption_from", "exemption_until", "course_completed_on", "capacity", "created_by_office_code", "version", ' +
  '"created_at", "updated_at", ((select count(*)::int from "supervisions" where ("supervisions"."supervisor_id" = "supervisors"."id" ' +
  'and "supervisions"."role" = $1 and "supervisions"."from_date" <= $2 and ("supervisions"."to_date" is null or ' +
  '"supervisions"."to_date" >= $3)))) from "supervisors" ';

/** supervisorsRepo's visibleTo for an office, with its three placeholders from `from`. */
const supervisorVisibleToOffice = (from: number) =>
  `("supervisors"."created_by_office_code" = $${from} or "supervisors"."workplace_kommunenummer" in (select "kommunenummer" ` +
  `from "municipalities" where "municipalities"."office_code" = $${from + 1}) or exists (select 1 from "supervisions" ` +
  'inner join "agreements" on "agreements"."id" = "supervisions"."agreement_id" inner join "municipalities" on ' +
  '"municipalities"."kommunenummer" = "agreements"."kommunenummer" where ("supervisions"."supervisor_id" = "supervisors"."id" ' +
  `and "municipalities"."office_code" = $${from + 2})))`;

const SUPERVISOR_BY_ID: BareStatement = {
  name: 'bare_supervisor_by_id',
  text: `${SUPERVISOR_COLUMNS}where ("supervisors"."id" = $4 and ${supervisorVisibleToOffice(5)})`,
};
const SUPERVISORS_OF_OFFICE: BareStatement = {
  name: 'bare_supervisors_of_office',
  text: `${SUPERVISOR_COLUMNS}where ${supervisorVisibleToOffice(4)} order by "supervisors"."name" asc, "supervisors"."id" asc limit $7`,
};
/** supervisorsRepo.supervisionsOf in an office's scope. */
const SUPERVISIONS_OF: BareStatement = {
  name: 'bare_supervisions_of',
  text:
    'select "supervisions"."id", "supervisions"."agreement_id", "supervisions"."role", "supervisions"."from_date", ' +
    '"supervisions"."to_date", "doctors"."name", "agreements"."kommunenummer" from "supervisions" ' +
    'inner join "agreements" on "agreements"."id" = "supervisions"."agreement_id" ' +
    'inner join "doctors" on "doctors"."id" = "agreements"."doctor_id" ' +
    'inner join "municipalities" on "municipalities"."kommunenummer" = "agreements"."kommunenummer" ' +
    'where ("supervisions"."supervisor_id" = $1 and "municipalities"."office_code" = $2) ' +
    'order by "supervisions"."from_date" desc, "supervisions"."id" asc',
};

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
      const [row] = await run<MunicipalityRow>(MUNICIPALITY_BY_NUMBER, [k, caller.officeCode, caller.officeCode, null, null]);
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
      const rows = await run<MunicipalityRow>(MUNICIPALITIES_OF_OFFICE, [caller.officeCode, LIMIT + 1]);
      return { status: 200, body: page(rows, LIMIT, municipalityView, (r) => ({ k: r[0] })) };
    },
  },
  {
    name: 'agreements-list',
    title: 'GET /agreements?kommunenummer={k}',
    keys: `select distinct a.kommunenummer from agreements a ${IN_OFFICE}`,
    path: (k) => `/api/v1/agreements?kommunenummer=${k}`,
    route: /^\/api\/v1\/agreements\?kommunenummer=(\d{4})$/,
    api: (services, principal, k) => services.agreements.list(principal, listAgreementsQuery.parse({ kommunenummer: k })),
    async bare(run, k, caller) {
      const today = todayInNorway();
      const rows = await run<AgreementArray>(AGREEMENTS_IN_MUNICIPALITY, [caller.officeCode, k, LIMIT + 1]);
      const pageRows = rows.slice(0, LIMIT);
      const last = pageRows.at(-1);
      return {
        status: 200,
        body: {
          items: await agreementViews(run, pageRows, today),
          nextCursor: rows.length > LIMIT && last ? cursorOf({ s: last[13], i: last[0] }) : null,
        },
      };
    },
  },
  {
    name: 'agreement-get',
    title: 'GET /agreements/{id}',
    keys: `select a.id from agreements a ${IN_OFFICE}`,
    path: (id) => `/api/v1/agreements/${id}`,
    route: new RegExp(`^/api/v1/agreements/${UUID}$`),
    api: (services, principal, id) => services.agreements.get(principal, id),
    async bare(run, id, caller) {
      const [row] = await run<AgreementArray>(AGREEMENT_BY_ID, [id, caller.officeCode]);
      if (!row) return notFound;
      const [view] = await agreementViews(run, [row], todayInNorway());
      return { status: 200, body: view, etag: etag(row[21]) };
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
      const rows = await run<DoctorRow>(DOCTORS_OF_OFFICE, [officeCode, officeCode, officeCode, LIMIT + 1]);
      return { status: 200, body: page(rows, LIMIT, doctorView, (r) => ({ n: r[2], i: r[0] })) };
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
      const [row] = await run<DoctorRow>(DOCTOR_BY_ID, [id, officeCode, officeCode, officeCode]);
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
      const rows = await run<SupervisorRow>(SUPERVISORS_OF_OFFICE, ['veileder', today, today, officeCode, officeCode, officeCode, LIMIT + 1]);
      return { status: 200, body: page(rows, LIMIT, (r) => supervisorView(r, today), (r) => ({ n: r[2], i: r[0] })) };
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
      const [row] = await run<SupervisorRow>(SUPERVISOR_BY_ID, ['veileder', today, today, id, officeCode, officeCode, officeCode]);
      if (!row) return notFound;
      const supervisions = await run<SupervisionRow>(SUPERVISIONS_OF, [id, officeCode]);
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
];
