import type { GrantApplicationStatus, GrantLineType, Total } from '@alis/shared';
import { and, asc, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { ChangesOf, Executor, RowOf } from '../../db/client.js';
import { type Bind, equalToGiven, placeholders, prepared } from '../../db/prepared.js';
import {
  agreements,
  apiClients,
  doctors,
  grantApplicationLines,
  grantApplicationTransitions,
  grantApplications,
  grantRateVersions,
  grantSchemes,
  municipalities,
  registrationTransitions,
  registrations,
  users,
} from '../../db/schema.js';
import { ONE, statementName, totalOf } from '../../lib/list.js';
import type { MunicipalityScope } from '../../lib/scope.js';

// --- what a read needs, as the database gives it ---------------------------------------------------

/** An agreement as it bears on a grant, with what decides its claimable months (`claimableMonths`). */
export interface AgreementFacts {
  id: string;
  kommunenummer: string;
  doctorId: string;
  position: 'gp' | 'gp_locum' | 'introduction' | 'other';
  /** The latest share, for an agreement whose share history was never written. */
  positionPercent: number;
  viaStaffingAgency: boolean;
  status: 'draft' | 'active' | 'completed' | 'terminated' | 'cancelled';
  startDate: string;
  endDate: string | null;
  shares: { from: string; percent: number }[];
  institutionService: { from: string; to: string }[];
}

/** A municipality's § 19 registration in general practice (the specialty ALIS train in), with its changes in order. */
export interface RegistrationFacts {
  kommunenummer: string;
  status: string;
  applicationDate: string | null;
  registeredFrom: string | null;
  changes: { to: string; date: string }[];
}

export interface LineFacts {
  id: string;
  agreementId: string | null;
  doctorId: string;
  doctor: { name: string; hprNumber: string };
  lineType: GrantLineType;
  positionPercent: number;
  months: number;
  annualRateNok: number | null;
  amountNok: number | null;
  agreement: AgreementFacts | null;
}

/** A line of another application of the scheme that counts (not withdrawn or rejected), for a doctor on this one. */
export interface ClaimFacts {
  applicationId: string;
  kommunenummer: string;
  doctorId: string;
  positionPercent: number;
  months: number;
}

/** SQL text given line by line, sent as one line: what the bench's bare handler copies stays readable. */
const text = (...lines: string[]) => lines.join(' ');

/**
 * An agreement's facts as one JSON object, built by PostgreSQL with its shares and its institution
 * service, so that a page needs no query per agreement. `ag` is the agreements table's name in the query.
 */
const agreementFacts = (ag: string) =>
  text(
    `json_build_object('id', ${ag}.id, 'kommunenummer', ${ag}.kommunenummer, 'doctorId', ${ag}.doctor_id, 'position', ${ag}.position,`,
    `'positionPercent', ${ag}.position_percent, 'viaStaffingAgency', ${ag}.via_staffing_agency, 'status', ${ag}.status,`,
    `'startDate', ${ag}.start_date, 'endDate', ${ag}.end_date,`,
    `'shares', coalesce((select json_agg(json_build_object('from', sh.from_date, 'percent', sh.percent) order by sh.from_date)`,
    `from agreement_shares sh where sh.agreement_id = ${ag}.id), '[]'),`,
    `'institutionService', coalesce((select json_agg(json_build_object('from', ab.from_date, 'to', ab.to_date) order by ab.from_date)`,
    `from absences ab where ab.agreement_id = ${ag}.id and ab.kind = 'institution_service'), '[]'))`,
  );

/**
 * The municipality's registration (general practice) with its changes, as JSON; null when it has
 * none. Only its own agreements can be claimed, so only its own registration decides their months.
 */
const REGISTRATION = text(
  `(select json_build_object('kommunenummer', r.kommunenummer, 'status', r.status,`,
  `'applicationDate', r.application_date, 'registeredFrom', r.registered_from,`,
  `'changes', coalesce((select json_agg(json_build_object('to', rt.to_status, 'date', rt.date) order by rt.id)`,
  `from registration_transitions rt where rt.registration_id = r.id), '[]'))`,
  `from registrations r where r.kommunenummer = "grant_applications"."kommunenummer" and r.specialty = 'ALM')`,
);

/**
 * The lines of the application in their order, each with its doctor and its agreement's facts (looked
 * up by key, line by line: a page reads a few hundred rows, not the tables).
 */
const LINES = text(
  `coalesce((select json_agg(json_build_object('id', l.id, 'agreementId', l.agreement_id, 'doctorId', l.doctor_id,`,
  `'doctor', (select json_build_object('name', d.name, 'hprNumber', d.hpr_number) from doctors d where d.id = l.doctor_id),`,
  `'lineType', l.line_type, 'positionPercent', l.position_percent, 'months', l.months,`,
  `'annualRateNok', l.annual_rate_nok, 'amountNok', l.amount_nok,`,
  `'agreement', (select ${agreementFacts('ag')} from agreements ag where ag.id = l.agreement_id)) order by l.position)`,
  `from grant_application_lines l where l.application_id = "grant_applications"."id"), '[]')`,
);

/**
 * Lines of the scheme's other applications that count, for the doctors on this one: found by doctor
 * first (`offset 0` keeps the planner from starting at every application of the scheme instead).
 */
const OTHER_CLAIMS = text(
  `coalesce((select json_agg(json_build_object('applicationId', o.id, 'kommunenummer', o.kommunenummer, 'doctorId', ol.doctor_id,`,
  `'positionPercent', ol.position_percent, 'months', ol.months) order by o.id, ol.position)`,
  `from grant_application_lines ol join lateral (select o.id, o.kommunenummer from grant_applications o where o.id = ol.application_id`,
  `and o.scheme_code = "grant_applications"."scheme_code" and o.status in ('draft', 'submitted', 'granted', 'partially_granted', 'paid')`,
  `offset 0) o on true`,
  `where ol.doctor_id = any(array(select mine.doctor_id from grant_application_lines mine where mine.application_id = "grant_applications"."id"))`,
  `and ol.application_id <> "grant_applications"."id"), '[]')`,
);

/** The scheme's current rate version, and (for an application not yet submitted, which follows it) its table. */
const CURRENT_RATE_VERSION = '(select max(v.version) from grant_rate_versions v where v.scheme_code = "grant_applications"."scheme_code")';
const CURRENT_RATES = text(
  'case when "grant_applications"."submitted_on" is null then (select v.annual_rates_nok from grant_rate_versions v',
  'where v.scheme_code = "grant_applications"."scheme_code" order by v.version desc limit 1) end',
);

const pageColumns = {
  id: grantApplications.id,
  kommunenummer: grantApplications.kommunenummer,
  municipalityName: municipalities.shortName,
  officeCode: municipalities.officeCode,
  municipalityOrganisationNumber: municipalities.organisationNumber,
  municipalityCentralityClass: municipalities.centralityClass,
  schemeCode: grantApplications.schemeCode,
  schemeName: grantSchemes.name,
  periodFrom: grantSchemes.periodFrom,
  periodTo: grantSchemes.periodTo,
  applicationDeadline: grantSchemes.applicationDeadline,
  auditorCertificateDueDate: grantSchemes.auditorCertificateDueDate,
  status: grantApplications.status,
  notes: grantApplications.notes,
  rateVersion: grantApplications.rateVersion,
  centralityClass: grantApplications.centralityClass,
  organisationNumber: grantApplications.organisationNumber,
  totalNok: grantApplications.totalNok,
  submittedOn: grantApplications.submittedOn,
  lateSubmissionReason: grantApplications.lateSubmissionReason,
  decisionDate: grantApplications.decisionDate,
  decisionReference: grantApplications.decisionReference,
  grantedNok: grantApplications.grantedNok,
  paidOn: grantApplications.paidOn,
  paidNok: grantApplications.paidNok,
  withdrawnOn: grantApplications.withdrawnOn,
  auditorCertificateReceivedOn: grantApplications.auditorCertificateReceivedOn,
  version: grantApplications.version,
  createdAt: grantApplications.createdAt,
  updatedAt: grantApplications.updatedAt,
  currentRateVersion: sql<number>`${sql.raw(CURRENT_RATE_VERSION)}`,
  currentRates: sql<Record<string, Record<string, number>> | null>`${sql.raw(CURRENT_RATES)}`,
  lines: sql<LineFacts[]>`${sql.raw(LINES)}`,
  registration: sql<RegistrationFacts | null>`${sql.raw(REGISTRATION)}`,
  otherClaims: sql<ClaimFacts[]>`${sql.raw(OTHER_CLAIMS)}`,
};

export type ApplicationRow = RowOf<Omit<typeof pageColumns, 'currentRateVersion' | 'currentRates' | 'lines' | 'registration' | 'otherClaims'>> & {
  currentRateVersion: number;
  currentRates: Record<string, Record<string, number>> | null;
  lines: LineFacts[];
  registration: RegistrationFacts | null;
  otherClaims: ClaimFacts[];
};

/** The values of the page statement's placeholders: filters and scope are null when they do not apply. */
export interface PageParams {
  id: string | null;
  scopeOffice: string | null;
  scopeKommunenummer: string | null;
  /** The directorate reads only applications that were submitted. */
  submittedOnly: boolean;
  kommunenummer: string | null;
  officeCode: string | null;
  schemeCode: string | null;
  status: string | null;
  /** Position of the previous page's last row in (period_from desc, scheme_code, kommunenummer, id) order. */
  afterPeriodFrom: string | null;
  afterSchemeCode: string | null;
  afterKommunenummer: string | null;
  afterId: string | null;
  limit: number;
}

type FilterParams = Omit<PageParams, 'id' | 'afterPeriodFrom' | 'afterSchemeCode' | 'afterKommunenummer' | 'afterId' | 'limit'>;

/** The list's scope and the filters given, as conditions bound by their names (the page and its total). */
const matchingFilters = (bind: Bind, params: FilterParams) => [
  // The caller's scope applies whenever it is set (even to ''), unlike a filter, which '' leaves out.
  params.scopeOffice === null ? undefined : eq(municipalities.officeCode, bind('scopeOffice')),
  params.scopeKommunenummer === null ? undefined : eq(grantApplications.kommunenummer, bind('scopeKommunenummer')),
  ...equalToGiven(params, bind, {
    kommunenummer: grantApplications.kommunenummer,
    officeCode: municipalities.officeCode,
    schemeCode: grantApplications.schemeCode,
    status: grantApplications.status,
  }),
  params.submittedOnly ? isNotNull(grantApplications.submittedOn) : undefined,
];

/**
 * Which filters are given: one prepared statement per shape. A single text for every filter
 * (`$1 is null or column = $1`) gave PostgreSQL a generic plan that read every application, for a
 * page of one municipality's and for one application by id alike.
 */
const shapeOf = (params: FilterParams) => [
  params.scopeOffice !== null,
  params.scopeKommunenummer !== null,
  params.submittedOnly,
  params.kommunenummer !== null,
  params.officeCode !== null,
  params.schemeCode !== null,
  params.status !== null,
];

/**
 * Applications with everything their view needs (lines, agreements' facts, other claims, rates) in
 * one statement, whatever the number of rows: a page, or one application by id.
 */
function pageStatement(db: Executor, name: string, params: PageParams) {
  const p = placeholders;
  return db
    .select(pageColumns)
    .from(grantApplications)
    .innerJoin(municipalities, eq(municipalities.kommunenummer, grantApplications.kommunenummer))
    .innerJoin(grantSchemes, eq(grantSchemes.code, grantApplications.schemeCode))
    .where(
      and(
        params.id === null ? undefined : eq(grantApplications.id, p('id')),
        ...matchingFilters(p, params),
        params.afterPeriodFrom === null
          ? undefined
          : sql`(${grantSchemes.periodFrom} < ${p('afterPeriodFrom')}::date or (${grantSchemes.periodFrom} = ${p('afterPeriodFrom')}::date and (${grantApplications.schemeCode}, ${grantApplications.kommunenummer}, ${grantApplications.id}) > (${p('afterSchemeCode')}::text, ${p('afterKommunenummer')}::text, ${p('afterId')}::uuid)))`,
      ),
    )
    .orderBy(desc(grantSchemes.periodFrom), asc(grantApplications.schemeCode), asc(grantApplications.kommunenummer), asc(grantApplications.id))
    .limit(sql.placeholder('limit'))
    .prepare(name);
}

/** The row the change of an application starts from, locked. */
const lockColumns = {
  id: grantApplications.id,
  kommunenummer: grantApplications.kommunenummer,
  schemeCode: grantApplications.schemeCode,
  status: grantApplications.status,
  notes: grantApplications.notes,
  submittedOn: grantApplications.submittedOn,
  decisionDate: grantApplications.decisionDate,
  totalNok: grantApplications.totalNok,
  grantedNok: grantApplications.grantedNok,
  auditorCertificateReceivedOn: grantApplications.auditorCertificateReceivedOn,
  version: grantApplications.version,
};
export type LockedApplication = RowOf<typeof lockColumns>;

export type ApplicationChanges = ChangesOf<
  typeof grantApplications,
  'status' | 'notes' | 'rateVersion' | 'centralityClass' | 'organisationNumber' | 'totalNok' | 'submittedOn' |
  'lateSubmissionReason' | 'decisionDate' | 'decisionReference' | 'grantedNok' | 'paidOn' | 'paidNok' | 'withdrawnOn' |
  'auditorCertificateReceivedOn'
>;

export interface NewLine {
  agreementId: string | null;
  doctorId: string;
  lineType: GrantLineType;
  positionPercent: number;
  months: number;
}

export interface TransitionInsert {
  applicationId: string;
  fromStatus: GrantApplicationStatus;
  toStatus: GrantApplicationStatus;
  date: string;
  reason: string | null;
  actorType: 'user' | 'client' | 'system';
  actorId: string | null;
}

export type HistoryRow = Omit<TransitionInsert, 'applicationId' | 'fromStatus' | 'toStatus'> & {
  id: bigint;
  fromStatus: string;
  toStatus: string;
  actorName: string | null;
  occurredAt: Date;
};

/** A filter of the list and the summary, with the caller's scope. */
export interface ApplicationFilter {
  scope: MunicipalityScope;
  submittedOnly: boolean;
  kommunenummer?: string | undefined;
  officeCode?: string | undefined;
  schemeCode?: string | undefined;
  status?: GrantApplicationStatus | undefined;
}

const filtered = (filter: ApplicationFilter) =>
  and(
    filter.scope.officeCode === null ? undefined : eq(municipalities.officeCode, filter.scope.officeCode),
    filter.scope.kommunenummer === null ? undefined : eq(grantApplications.kommunenummer, filter.scope.kommunenummer),
    filter.submittedOnly ? isNotNull(grantApplications.submittedOn) : undefined,
    filter.kommunenummer ? eq(grantApplications.kommunenummer, filter.kommunenummer) : undefined,
    filter.officeCode ? eq(municipalities.officeCode, filter.officeCode) : undefined,
    filter.schemeCode ? eq(grantApplications.schemeCode, filter.schemeCode) : undefined,
    filter.status ? eq(grantApplications.status, filter.status) : undefined,
  );

export const grantApplicationsRepo = {
  /** A page of applications (or one, by `id`), with what their views need: one prepared statement. */
  async page(db: Executor, params: PageParams): Promise<ApplicationRow[]> {
    const shape = [...shapeOf(params), params.id !== null, params.afterPeriodFrom !== null];
    return prepared(db, statementName('grant_applications_page', shape), (name) => pageStatement(db, name, params)).execute({ ...params });
  },

  /** How many applications the list's scope and filters match (list conventions: exact up to a bound). */
  total(db: Executor, params: FilterParams): Promise<Total> {
    return totalOf(
      db,
      statementName('grant_applications_total', shapeOf(params)),
      (bind) =>
        db
          .select({ one: ONE })
          .from(grantApplications)
          .innerJoin(municipalities, eq(municipalities.kommunenummer, grantApplications.kommunenummer))
          .where(and(...matchingFilters(bind, params)))
          .$dynamic(),
      { ...params },
    );
  },

  /** Locks the application in scope (the directorate's: submitted ones only). */
  async lock(tx: Executor, id: string, scope: MunicipalityScope, submittedOnly: boolean): Promise<LockedApplication | undefined> {
    const [row] = await tx
      .select(lockColumns)
      .from(grantApplications)
      .innerJoin(municipalities, eq(municipalities.kommunenummer, grantApplications.kommunenummer))
      .where(and(eq(grantApplications.id, id), filtered({ scope, submittedOnly })))
      .for('update', { of: grantApplications });
    return row;
  },

  async insert(tx: Executor, values: { kommunenummer: string; schemeCode: string; notes: string | null }): Promise<string> {
    const [row] = await tx.insert(grantApplications).values({ ...values, status: 'draft' }).returning({ id: grantApplications.id });
    if (!row) throw new Error('grant application insert returned no row');
    return row.id;
  },

  async replaceLines(tx: Executor, applicationId: string, lines: readonly NewLine[]): Promise<void> {
    await tx.delete(grantApplicationLines).where(eq(grantApplicationLines.applicationId, applicationId));
    if (lines.length === 0) return;
    await tx.insert(grantApplicationLines).values(lines.map((line, position) => ({ ...line, applicationId, position })));
  },

  /** Keeps each line's rate and amount: a submitted application's no longer follow the rates. */
  async fixLines(tx: Executor, lines: readonly { id: string; annualRateNok: number; amountNok: number }[]): Promise<void> {
    for (const line of lines) {
      await tx
        .update(grantApplicationLines)
        .set({ annualRateNok: line.annualRateNok, amountNok: line.amountNok })
        .where(eq(grantApplicationLines.id, line.id));
    }
  },

  async update(tx: Executor, id: string, changes: ApplicationChanges): Promise<void> {
    await tx
      .update(grantApplications)
      .set({ ...changes, version: sql`${grantApplications.version} + 1`, updatedAt: sql`now()` })
      .where(eq(grantApplications.id, id));
  },

  async insertTransition(tx: Executor, values: TransitionInsert): Promise<void> {
    await tx.insert(grantApplicationTransitions).values(values);
  },

  /** Newest first, with the actor's name from users or API clients. */
  async history(db: Executor, applicationId: string, beforeId: bigint | undefined, limit: number): Promise<HistoryRow[]> {
    return db
      .select({
        id: grantApplicationTransitions.id,
        fromStatus: grantApplicationTransitions.fromStatus,
        toStatus: grantApplicationTransitions.toStatus,
        date: grantApplicationTransitions.date,
        reason: grantApplicationTransitions.reason,
        actorType: grantApplicationTransitions.actorType,
        actorId: grantApplicationTransitions.actorId,
        actorName: sql<string | null>`coalesce(${users.name}, ${apiClients.name})`,
        occurredAt: grantApplicationTransitions.occurredAt,
      })
      .from(grantApplicationTransitions)
      .leftJoin(users, and(eq(grantApplicationTransitions.actorType, 'user'), sql`${users.id}::text = ${grantApplicationTransitions.actorId}`))
      .leftJoin(apiClients, and(eq(grantApplicationTransitions.actorType, 'client'), eq(apiClients.clientId, grantApplicationTransitions.actorId)))
      .where(
        and(
          eq(grantApplicationTransitions.applicationId, applicationId),
          beforeId === undefined ? undefined : lt(grantApplicationTransitions.id, beforeId),
        ),
      )
      .orderBy(desc(grantApplicationTransitions.id))
      .limit(limit);
  },

  historyTotal(db: Executor, applicationId: string): Promise<Total> {
    return totalOf(
      db,
      'grant_application_history_total',
      (bind) => db.select({ one: ONE }).from(grantApplicationTransitions).where(eq(grantApplicationTransitions.applicationId, bind('applicationId'))).$dynamic(),
      { applicationId },
    );
  },

  /** The municipality's registration (general practice) with its changes in order; null when it has none. */
  async registrationOf(db: Executor, kommunenummer: string): Promise<RegistrationFacts | null> {
    const rows = await db
      .select({
        status: registrations.status,
        applicationDate: registrations.applicationDate,
        registeredFrom: registrations.registeredFrom,
        to: registrationTransitions.toStatus,
        date: registrationTransitions.date,
      })
      .from(registrations)
      .leftJoin(registrationTransitions, eq(registrationTransitions.registrationId, registrations.id))
      .where(and(eq(registrations.kommunenummer, kommunenummer), eq(registrations.specialty, 'ALM')))
      .orderBy(asc(registrationTransitions.id));
    const [first] = rows;
    if (!first) return null;
    const changes = rows.flatMap((row) => (row.to !== null && row.date !== null ? [{ to: row.to, date: row.date }] : []));
    return { kommunenummer, status: first.status, applicationDate: first.applicationDate, registeredFrom: first.registeredFrom, changes };
  },

  /** The municipality's agreements that may have run in the period, with their facts, oldest start first. */
  async agreementsOf(db: Executor, kommunenummer: string, period: { from: string; to: string }) {
    return db
      .select({ facts: sql<AgreementFacts>`${sql.raw(agreementFacts('"agreements"'))}`, doctorName: doctors.name })
      .from(agreements)
      .innerJoin(doctors, eq(doctors.id, agreements.doctorId))
      .where(
        and(
          eq(agreements.kommunenummer, kommunenummer),
          inArray(agreements.status, ['active', 'completed', 'terminated']),
          sql`${agreements.startDate} <= ${period.to}`,
          sql`(${agreements.endDate} is null or ${agreements.endDate} >= ${period.from})`,
        ),
      )
      .orderBy(asc(agreements.startDate), asc(doctors.name), asc(agreements.id));
  },

  /** Which of these doctors exist. */
  async existingDoctors(db: Executor, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.select({ id: doctors.id }).from(doctors).where(inArray(doctors.id, [...ids]));
    return new Set(rows.map((row) => row.id));
  },

  /** Which of these agreements exist in the caller's scope (those outside it are as unknown). */
  async agreementsInScope(db: Executor, ids: readonly string[], scope: MunicipalityScope): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: agreements.id })
      .from(agreements)
      .innerJoin(municipalities, eq(municipalities.kommunenummer, agreements.kommunenummer))
      .where(
        and(
          inArray(agreements.id, [...ids]),
          scope.officeCode === null ? undefined : eq(municipalities.officeCode, scope.officeCode),
          scope.kommunenummer === null ? undefined : eq(agreements.kommunenummer, scope.kommunenummer),
        ),
      );
    return new Set(rows.map((row) => row.id));
  },

  /** Counts and the kept sums of the filtered applications, by status. */
  async fixedSums(db: Executor, filter: ApplicationFilter) {
    return db
      .select({
        status: grantApplications.status,
        count: sql<number>`count(*)`.mapWith(Number),
        totalNok: sql<number>`coalesce(sum(${grantApplications.totalNok}), 0)`.mapWith(Number),
        grantedNok: sql<number>`coalesce(sum(${grantApplications.grantedNok}), 0)`.mapWith(Number),
        paidNok: sql<number>`coalesce(sum(${grantApplications.paidNok}), 0)`.mapWith(Number),
      })
      .from(grantApplications)
      .innerJoin(municipalities, eq(municipalities.kommunenummer, grantApplications.kommunenummer))
      .where(filtered(filter))
      .groupBy(grantApplications.status);
  },

  /** The lines of the filtered drafts, with what their amounts need: the municipality's class and the scheme's current rates. */
  async draftLines(db: Executor, filter: ApplicationFilter) {
    return db
      .select({
        applicationId: grantApplications.id,
        centralityClass: municipalities.centralityClass,
        annualRatesNok: grantRateVersions.annualRatesNok,
        lineType: grantApplicationLines.lineType,
        positionPercent: grantApplicationLines.positionPercent,
        months: grantApplicationLines.months,
      })
      .from(grantApplications)
      .innerJoin(municipalities, eq(municipalities.kommunenummer, grantApplications.kommunenummer))
      .innerJoin(
        grantRateVersions,
        and(
          eq(grantRateVersions.schemeCode, grantApplications.schemeCode),
          sql`${grantRateVersions.version} = (select max(v.version) from grant_rate_versions v where v.scheme_code = ${grantApplications.schemeCode})`,
        ),
      )
      .innerJoin(grantApplicationLines, eq(grantApplicationLines.applicationId, grantApplications.id))
      .where(and(filtered(filter), eq(grantApplications.status, 'draft')));
  },
};
