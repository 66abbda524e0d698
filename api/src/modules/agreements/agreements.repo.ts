import type { AgreementWarningCode, Total } from '@alis/shared';
import { type SQL, and, asc, desc, eq, exists, gte, inArray, isNull, lte, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ChangesOf, Executor, RowOf } from '../../db/client.js';
import { agreementShares, agreements, doctors, municipalities, registrationPeriods, supervisions, supervisors } from '../../db/schema.js';
import { type Bind, inline, placeholders, prepared } from '../../db/prepared.js';
import { type ListPage, ONE, type SortColumns, anyOf, oneOrAnyOf, statementName, totalOf } from '../../lib/list.js';
import { insertJsonRows } from '../../db/bulk.js';
import { loadOn } from '../supervisors/supervisors.repo.js';
import { type MunicipalityScope, scopeShape, scopeValues } from '../../lib/scope.js';

const columns = {
  id: agreements.id,
  kommunenummer: agreements.kommunenummer,
  municipalityName: municipalities.shortName,
  officeCode: municipalities.officeCode,
  doctorId: agreements.doctorId,
  doctorHprNumber: doctors.hprNumber,
  doctorName: doctors.name,
  doctorLis1CompletedOn: doctors.lis1CompletedOn,
  doctorSpecialistApprovedOn: doctors.specialistApprovedOn,
  employmentForm: agreements.employmentForm,
  position: agreements.position,
  positionPercent: agreements.positionPercent,
  signedOn: agreements.signedOn,
  startDate: agreements.startDate,
  viaStaffingAgency: agreements.viaStaffingAgency,
  notes: agreements.notes,
  status: agreements.status,
  endDate: agreements.endDate,
  endReason: agreements.endReason,
  cancellationReason: agreements.cancellationReason,
  plannedEndDate: agreements.plannedEndDate,
  educationPlanStatus: agreements.educationPlanStatus,
  educationPlanApprovedOn: agreements.educationPlanApprovedOn,
  educationPlanReviewedOn: agreements.educationPlanReviewedOn,
  educationPlanLink: agreements.educationPlanLink,
  version: agreements.version,
  createdAt: agreements.createdAt,
  updatedAt: agreements.updatedAt,
};

export type AgreementRow = RowOf<typeof columns>;
export type NewAgreementRow = typeof agreements.$inferInsert;
export type AgreementChanges = ChangesOf<
  typeof agreements,
  'employmentForm' | 'position' | 'positionPercent' | 'signedOn' | 'startDate' | 'viaStaffingAgency' | 'notes' | 'status' |
  'endDate' | 'endReason' | 'cancellationReason' | 'plannedEndDate' | 'educationPlanStatus' | 'educationPlanApprovedOn' |
  'educationPlanReviewedOn' | 'educationPlanLink'
>;
export interface ShareRow {
  agreementId: string;
  fromDate: string;
  percent: number;
}
/** An open agreement of a doctor, as the check for overlapping shares needs it. */
export interface OpenAgreementRow {
  id: string;
  doctorId: string;
  startDate: string;
  plannedEndDate: string;
  positionPercent: number;
}
export type AgreementStatusValue = AgreementRow['status'];

export interface AgreementFilter {
  kommunenummer?: string | undefined;
  officeCode?: string | undefined;
  status?: AgreementStatusValue | undefined;
  doctorId?: string | undefined;
  supervisorId?: string | undefined;
  employmentForm?: AgreementRow['employmentForm'] | undefined;
  endsBefore?: string | undefined;
  /** With `today`: has (true) or lacks (false) a veileder supervision running on that day. */
  hasVeileder?: boolean | undefined;
  /** Has this warning today (as the shared rule gives it on a read). */
  warning?: AgreementWarningCode | undefined;
  today: string;
  /** The education plan rules (configuration): months after the start it is due, months between reviews. */
  planDueMonths: number;
  planReviewMonths: number;
}

export type AgreementSort = 'startDate' | 'plannedEndDate' | 'municipality' | 'doctor';
export const AGREEMENT_SORTS: SortColumns<AgreementSort> = {
  startDate: [agreements.startDate, agreements.id],
  plannedEndDate: [agreements.plannedEndDate, agreements.id],
  municipality: [municipalities.shortName, agreements.kommunenummer, agreements.id],
  doctor: [doctors.name, agreements.doctorId, agreements.id],
};
export const agreementPosition = {
  startDate: (row: AgreementRow) => [row.startDate, row.id],
  plannedEndDate: (row: AgreementRow) => [row.plannedEndDate, row.id],
  municipality: (row: AgreementRow) => [row.municipalityName, row.kommunenummer, row.id],
  doctor: (row: AgreementRow) => [row.doctorName, row.doctorId, row.id],
};

/** A period in which a municipality's registration had one status (registration_periods). */
export interface RegistrationPeriodRow {
  kommunenummer: string;
  status: string;
  fromDate: string;
  toDate: string | null;
}

/** A veileder supervision of an agreement, with what the warnings need of the supervisor. */
export interface VeilederSupervisionRow {
  agreementId: string;
  supervisionId: string;
  supervisorId: string;
  from: string;
  to: string | null;
  name: string;
  specialistInGeneralPractice: boolean;
  specialistApprovedOn: string | null;
  exemptionFrom: string | null;
  exemptionUntil: string | null;
  capacity: number;
  activeVeilederCount: number;
}

/** The scope's restrictions, bound to `scopeOffice` and `scopeKommune` (scopeValues). */
const inScope = (scope: MunicipalityScope, bind: Bind) =>
  and(
    scope.officeCode === null ? undefined : eq(municipalities.officeCode, bind('scopeOffice')),
    scope.kommunenummer === null ? undefined : eq(agreements.kommunenummer, bind('scopeKommune')),
  );

/** A supervision running on `day` (started, and not ended before it). */
const runningOn = (day: SQL) => and(lte(supervisions.fromDate, day), or(isNull(supervisions.toDate), gte(supervisions.toDate, day)));

const OPEN = ['draft', 'active'] as const;
const COUNTING = ['applied', 'registered'] as const;

/** The day an agreement's warnings are judged on (`warningDay` in the shared rules). */
const dayOf = (today: SQL) => sql`greatest(${agreements.startDate}, ${today}::date)`;

/** A period of the agreement's municipality's registration in general practice in which service counted. */
const COUNTING_PERIOD_OF_AGREEMENT = and(
  eq(registrationPeriods.kommunenummer, agreements.kommunenummer),
  eq(registrationPeriods.specialty, 'ALM'),
  inArray(registrationPeriods.status, [...COUNTING]),
);

/** Such a period covering `day`. */
const countingOn = (db: Executor, day: SQL) =>
  exists(
    db
      .select({ one: ONE })
      .from(registrationPeriods)
      .where(
        and(
          COUNTING_PERIOD_OF_AGREEMENT,
          sql`${registrationPeriods.fromDate} <= ${day}`,
          sql`(${registrationPeriods.toDate} is null or ${registrationPeriods.toDate} >= ${day})`,
        ),
      ),
  );

/** The veileder supervision running on `day` that the warnings look at: the one that started last. */
const currentVeilederOf = (day: SQL) =>
  sql`(select ${supervisions.supervisorId} from ${supervisions} where ${supervisions.agreementId} = ${agreements.id}
    and ${supervisions.role} = 'veileder' and ${supervisions.fromDate} <= ${day}
    and (${supervisions.toDate} is null or ${supervisions.toDate} >= ${day}) order by ${supervisions.fromDate} desc limit 1)`;

/** An agreement's share on `day` (`shareOn` in the shared rules; the stored share without a history). */
const shareOn = (agreementId: SQL | typeof agreements.id, day: SQL, positionPercent: SQL | typeof agreements.positionPercent) =>
  sql`coalesce(
    (select ${agreementShares.percent} from ${agreementShares} where ${agreementShares.agreementId} = ${agreementId} and ${agreementShares.fromDate} <= ${day} order by ${agreementShares.fromDate} desc limit 1),
    (select ${agreementShares.percent} from ${agreementShares} where ${agreementShares.agreementId} = ${agreementId} order by ${agreementShares.fromDate} asc limit 1),
    ${positionPercent})`;

/**
 * Each warning of the shared rule (`agreementWarnings`) as an SQL condition on an agreement row, so
 * that a list can filter on it. They must say what the rule says: a test holds the two together on
 * every code.
 */
function hasWarning(db: Executor, code: AgreementWarningCode, bind: Bind): SQL | undefined {
  const today = bind('today');
  const day = dayOf(today);
  const active = eq(agreements.status, 'active');
  const veileder = currentVeilederOf(day);
  switch (code) {
    case 'municipality_not_registered':
      return sql`not ${countingOn(db, day)}`;
    case 'service_did_not_count': {
      // A counting period began after the start and by the day, and the day before it did not count.
      const before = sql`(${registrationPeriods.fromDate} - 1)`;
      const later = db
        .select({ one: ONE })
        .from(registrationPeriods)
        .where(
          and(
            COUNTING_PERIOD_OF_AGREEMENT,
            sql`${registrationPeriods.fromDate} > ${agreements.startDate}`,
            sql`${registrationPeriods.fromDate} <= ${day}`,
            sql`not exists (select 1 from ${registrationPeriods} as "previous" where "previous"."kommunenummer" = ${agreements.kommunenummer}
              and "previous"."specialty" = 'ALM' and "previous"."status" in ('applied', 'registered')
              and "previous"."from_date" <= ${before} and ("previous"."to_date" is null or "previous"."to_date" >= ${before}))`,
          ),
        );
      return exists(later);
    }
    case 'no_active_veileder':
      return and(active, sql`${veileder} is null`);
    case 'veileder_not_qualified':
      return sql`exists (select 1 from ${supervisors} where ${supervisors.id} = ${veileder} and not (
        (${supervisors.specialistInGeneralPractice} and coalesce(${supervisors.specialistApprovedOn} <= ${day}, true))
        or (coalesce(${supervisors.exemptionUntil} >= ${day}, false) and coalesce(${supervisors.exemptionFrom} <= ${day}, true))))`;
    case 'veileder_over_capacity':
      return sql`exists (select 1 from ${supervisors} where ${supervisors.id} = ${veileder} and ${supervisors.capacity} < (
        select count(*) from ${supervisions} as "load" where "load"."supervisor_id" = ${supervisors.id} and "load"."role" = 'veileder'
        and "load"."from_date" <= ${today}::date and ("load"."to_date" is null or "load"."to_date" >= ${today}::date)))`;
    case 'past_planned_end':
      return and(active, sql`${agreements.plannedEndDate} < ${day}`);
    case 'ends_within_6_months':
      return and(active, sql`${agreements.plannedEndDate} >= ${day}`, sql`${agreements.plannedEndDate} <= (${day} + interval '6 months')::date`);
    case 'overlapping_agreements': {
      const others = sql`(select coalesce(sum(${shareOn(sql`"other"."id"`, day, sql`"other"."position_percent"`)}), 0)
        from ${agreements} as "other" where "other"."doctor_id" = ${agreements.doctorId} and "other"."id" <> ${agreements.id}
        and "other"."status" in ('draft', 'active') and "other"."start_date" <= ${day} and ${day} <= "other"."planned_end_date")`;
      return sql`${shareOn(agreements.id, day, agreements.positionPercent)} + ${others} > 100`;
    }
    case 'lis1_not_completed':
      return sql`${agreements.startDate} < ${doctors.lis1CompletedOn}`;
    case 'already_specialist':
      return sql`${doctors.specialistApprovedOn} <= ${agreements.startDate}`;
    case 'via_staffing_agency':
      return eq(agreements.viaStaffingAgency, true);
    case 'no_education_plan':
      // `educationPlanDueOn`: the months after the start (PostgreSQL clamps to the month's end, as addMonths does).
      return and(
        active,
        sql`${agreements.educationPlanStatus} <> 'approved'`,
        sql`(${agreements.startDate} + make_interval(months => ${bind('planDueMonths')}::int))::date < ${day}`,
      );
    case 'education_plan_review_due':
      // `educationPlanReviewDueOn`: the later of the approval and the last review, plus the months between reviews.
      return and(
        active,
        sql`${agreements.educationPlanStatus} = 'approved'`,
        sql`(greatest(${agreements.educationPlanApprovedOn}, ${agreements.educationPlanReviewedOn}) + make_interval(months => ${bind('planReviewMonths')}::int))::date < ${day}`,
      );
  }
}

function baseSelect(db: Executor) {
  return db
    .select(columns)
    .from(agreements)
    .innerJoin(municipalities, eq(municipalities.kommunenummer, agreements.kommunenummer))
    .innerJoin(doctors, eq(doctors.id, agreements.doctorId));
}

/** The filters in use as conditions, their values bound by the filter's own names (and `today`). */
function matching(db: Executor, scope: MunicipalityScope, filter: AgreementFilter, bind: Bind): SQL | undefined {
  const today = bind('today');
  const veilederToday = db
    .select({ one: ONE })
    .from(supervisions)
    .where(and(eq(supervisions.agreementId, agreements.id), eq(supervisions.role, 'veileder'), runningOn(sql`${today}::date`)));
  return and(
    inScope(scope, bind),
    filter.kommunenummer ? eq(agreements.kommunenummer, bind('kommunenummer')) : undefined,
    filter.officeCode ? eq(municipalities.officeCode, bind('officeCode')) : undefined,
    filter.status ? eq(agreements.status, bind('status')) : undefined,
    filter.doctorId ? eq(agreements.doctorId, bind('doctorId')) : undefined,
    filter.employmentForm ? eq(agreements.employmentForm, bind('employmentForm')) : undefined,
    filter.endsBefore ? sql`coalesce(${agreements.endDate}, ${agreements.plannedEndDate}) < ${bind('endsBefore')}::date` : undefined,
    filter.supervisorId
      ? exists(
          db
            .select({ one: ONE })
            .from(supervisions)
            .where(and(eq(supervisions.agreementId, agreements.id), eq(supervisions.supervisorId, bind('supervisorId')))),
        )
      : undefined,
    filter.hasVeileder === undefined ? undefined : filter.hasVeileder ? exists(veilederToday) : notExists(veilederToday),
    // Closed agreements have no warnings.
    filter.warning ? and(inArray(agreements.status, [...OPEN]), hasWarning(db, filter.warning, bind)) : undefined,
  );
}

/** Which filters are in use: one prepared statement per shape. */
const shapeOf = (scope: MunicipalityScope, filter: AgreementFilter) => [
  scopeShape(scope),
  filter.kommunenummer !== undefined,
  filter.officeCode !== undefined,
  filter.status !== undefined,
  filter.doctorId !== undefined,
  filter.employmentForm !== undefined,
  filter.endsBefore !== undefined,
  filter.supervisorId !== undefined,
  filter.hasVeileder,
  filter.warning,
];

/** One column of the agreement whose id is bound as `agreementId`, as a scalar subquery. */
function ofAgreement(db: Executor, key: 'kommunenummer' | 'doctorId'): SQL {
  const of = alias(agreements, 'of');
  return sql`${db.select({ value: of[key] }).from(of).where(eq(of.id, placeholders('agreementId')))}`;
}

/** The registration periods of the specialty bound as `specialty` where `municipality` holds, in order. */
const periodsWhere = (db: Executor, municipality: SQL | undefined) =>
  db
    .select({
      kommunenummer: registrationPeriods.kommunenummer,
      status: registrationPeriods.status,
      fromDate: registrationPeriods.fromDate,
      toDate: registrationPeriods.toDate,
    })
    .from(registrationPeriods)
    .where(and(municipality, eq(registrationPeriods.specialty, placeholders('specialty'))))
    .orderBy(asc(registrationPeriods.kommunenummer), asc(registrationPeriods.fromDate));

/** The open agreements whose doctor `doctor` picks. */
const openAgreementsWhere = (db: Executor, doctor: SQL | undefined) =>
  db
    .select({
      id: agreements.id,
      doctorId: agreements.doctorId,
      startDate: agreements.startDate,
      plannedEndDate: agreements.plannedEndDate,
      positionPercent: agreements.positionPercent,
    })
    .from(agreements)
    .where(and(doctor, inArray(agreements.status, [...OPEN])));

export const agreementsRepo = {
  async get(db: Executor, id: string, scope: MunicipalityScope): Promise<AgreementRow | undefined> {
    const [row] = await prepared(db, statementName('agreement_get', [scopeShape(scope)]), (name) =>
      baseSelect(db)
        .where(and(eq(agreements.id, placeholders('id')), inScope(scope, placeholders)))
        .prepare(name),
    ).execute({ id, ...scopeValues(scope) });
    return row;
  },

  /** Locks the agreement row: every change to it, its absences and its supervisions goes through here. */
  async getForUpdate(tx: Executor, id: string, scope: MunicipalityScope): Promise<AgreementRow | undefined> {
    const [row] = await baseSelect(tx)
      .where(and(eq(agreements.id, id), inScope(scope, inline(scopeValues(scope)))))
      .for('update', { of: agreements });
    return row;
  },

  async list(db: Executor, scope: MunicipalityScope, filter: AgreementFilter, page: ListPage<AgreementSort>): Promise<AgreementRow[]> {
    return prepared(db, statementName('agreements_list', [...shapeOf(scope, filter), page.sort, page.after !== undefined]), (name) =>
      baseSelect(db)
        .where(and(matching(db, scope, filter, placeholders), page.after))
        .orderBy(...page.orderBy)
        .limit(sql.placeholder('limit'))
        .prepare(name),
    ).execute({ ...filter, ...scopeValues(scope), ...page.values });
  },

  total(db: Executor, scope: MunicipalityScope, filter: AgreementFilter): Promise<Total> {
    return totalOf(
      db,
      statementName('agreements_total', shapeOf(scope, filter)),
      (bind) => {
        const counted = db
          .select({ one: ONE })
          .from(agreements)
          .innerJoin(municipalities, eq(municipalities.kommunenummer, agreements.kommunenummer))
          .$dynamic();
        // Every agreement has its doctor (a foreign key, not null), so the doctor is joined only for a
        // warning filter (two warnings read the doctor's row): PostgreSQL keeps an inner join it need
        // not make, and at scale 10 it was half of counting an office's agreements.
        const withDoctor = filter.warning ? counted.innerJoin(doctors, eq(doctors.id, agreements.doctorId)) : counted;
        return withDoctor.where(matching(db, scope, filter, bind));
      },
      { ...filter, ...scopeValues(scope) },
    );
  },

  /** Returns the new id, or undefined when an open agreement for the doctor and municipality exists (the index decides). */
  async insert(tx: Executor, row: NewAgreementRow): Promise<string | undefined> {
    const [inserted] = await tx.insert(agreements).values(row).onConflictDoNothing().returning({ id: agreements.id });
    return inserted?.id;
  },

  /**
   * Many agreements at once (an import), in one statement whatever their number. Returns the new
   * ids; one that would be a second open agreement for its doctor and municipality is left out (the
   * index decides).
   */
  async insertMany(tx: Executor, rows: readonly NewAgreementRow[]): Promise<{ id: string }[]> {
    return insertJsonRows(tx, agreements, rows, {
      columns: [
        'kommunenummer',
        'doctorId',
        'employmentForm',
        'position',
        'positionPercent',
        'signedOn',
        'startDate',
        'viaStaffingAgency',
        'notes',
        'status',
        'plannedEndDate',
      ],
      onConflictDoNothing: true,
      returning: ['id'],
    });
  },

  /** The first share of many new agreements, from their start, in one statement. */
  async insertShares(tx: Executor, rows: readonly { agreementId: string; fromDate: string; percent: number }[]): Promise<void> {
    await insertJsonRows(tx, agreementShares, rows, { columns: ['agreementId', 'fromDate', 'percent'] });
  },

  /** These agreements as one statement (any scope: the caller has checked it), for their views. */
  async getMany(db: Executor, ids: readonly string[]): Promise<AgreementRow[]> {
    if (ids.length === 0) return [];
    return baseSelect(db).where(anyOf(agreements.id, sql`${sql.param([...ids])}`, 'uuid'));
  },

  /** Every agreement of these doctors with one municipality, any status (an import's duplicates and conflicts). */
  async ofDoctorsIn(db: Executor, kommunenummer: string, doctorIds: readonly string[]) {
    if (doctorIds.length === 0) return [];
    return db
      .select({ id: agreements.id, doctorId: agreements.doctorId, startDate: agreements.startDate, status: agreements.status })
      .from(agreements)
      .where(and(eq(agreements.kommunenummer, kommunenummer), anyOf(agreements.doctorId, sql`${sql.param([...doctorIds])}`, 'uuid')));
  },

  async findOpenId(db: Executor, doctorId: string, kommunenummer: string, openStatuses: readonly AgreementStatusValue[]) {
    const [row] = await db
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.doctorId, doctorId), eq(agreements.kommunenummer, kommunenummer), inArray(agreements.status, [...openStatuses])));
    return row?.id;
  },

  async update(tx: Executor, id: string, changes: AgreementChanges): Promise<void> {
    await tx
      .update(agreements)
      .set({ ...changes, version: sql`${agreements.version} + 1`, updatedAt: sql`now()` })
      .where(eq(agreements.id, id));
  },

  async doctorExists(db: Executor, id: string): Promise<boolean> {
    const [row] = await db.select({ id: doctors.id }).from(doctors).where(eq(doctors.id, id));
    return row !== undefined;
  },

  // --- facts for the warnings of a page, in a fixed number of queries -------------------------

  /** The status periods of the registrations of the given specialty in these municipalities, in order. */
  async registrationPeriods(db: Executor, kommunenumre: readonly string[], specialty: string): Promise<RegistrationPeriodRow[]> {
    if (kommunenumre.length === 0) return [];
    return prepared(db, 'agreement_facts_periods', (name) =>
      periodsWhere(db, anyOf(registrationPeriods.kommunenummer, placeholders('kommunenumre'), 'text')).prepare(name),
    ).execute({ kommunenumre, specialty });
  },

  /**
   * registrationPeriods of one agreement's municipality, found by the agreement's id, so that they can
   * be asked for together with the agreement itself (an agreement outside the caller's scope gets
   * periods it never sees: the service answers 404 without them).
   */
  async registrationPeriodsOfAgreement(db: Executor, agreementId: string, specialty: string): Promise<RegistrationPeriodRow[]> {
    return prepared(db, 'agreement_facts_periods_by_agreement', (name) =>
      periodsWhere(db, eq(registrationPeriods.kommunenummer, ofAgreement(db, 'kommunenummer'))).prepare(name),
    ).execute({ agreementId, specialty });
  },

  /**
   * The agreements' veileder supervisions that run on `today` or later, newest start first per
   * agreement, each with its supervisor and that supervisor's number of veileder supervisions running
   * today across all agreements. Which one runs on an agreement's warning day is the service's rule.
   * Kept to one join with no condition across tables: a statement with a range condition between
   * supervisions and agreements took PostgreSQL about 0.4 ms to plan, and with arrays of ids it was
   * planned anew for every call.
   */
  async veilederSupervisions(db: Executor, agreementIds: readonly string[], today: string): Promise<VeilederSupervisionRow[]> {
    if (agreementIds.length === 0) return [];
    // One agreement (a GET) has a statement of its own that keeps a generic plan: planning the one for
    // arrays on every call took PostgreSQL about 0.25 ms, three times what running it takes.
    const ids = oneOrAnyOf('agreement_facts_veileder_supervisions', supervisions.agreementId, agreementIds, 'uuid');
    return prepared(db, ids.name, (name) => {
      const todayDate = sql`${placeholders('today')}::date`;
      return db
        .select({
          agreementId: supervisions.agreementId,
          supervisionId: supervisions.id,
          supervisorId: supervisions.supervisorId,
          from: supervisions.fromDate,
          to: supervisions.toDate,
          name: supervisors.name,
          specialistInGeneralPractice: supervisors.specialistInGeneralPractice,
          specialistApprovedOn: supervisors.specialistApprovedOn,
          exemptionFrom: supervisors.exemptionFrom,
          exemptionUntil: supervisors.exemptionUntil,
          capacity: supervisors.capacity,
          activeVeilederCount: loadOn(db, todayDate),
        })
        .from(supervisions)
        .innerJoin(supervisors, eq(supervisors.id, supervisions.supervisorId))
        .where(
          and(
            ids.condition(placeholders('agreementIds')),
            eq(supervisions.role, 'veileder'),
            or(isNull(supervisions.toDate), gte(supervisions.toDate, todayDate)),
          ),
        )
        .orderBy(asc(supervisions.agreementId), desc(supervisions.fromDate))
        .prepare(name);
    }).execute({ agreementIds: ids.value, today });
  },

  /** The share history of these agreements, oldest first. */
  async shares(db: Executor, agreementIds: readonly string[]): Promise<ShareRow[]> {
    if (agreementIds.length === 0) return [];
    return prepared(db, 'agreement_facts_shares', (name) =>
      db
        .select({ agreementId: agreementShares.agreementId, fromDate: agreementShares.fromDate, percent: agreementShares.percent })
        .from(agreementShares)
        .where(anyOf(agreementShares.agreementId, placeholders('agreementIds'), 'uuid'))
        .orderBy(asc(agreementShares.agreementId), asc(agreementShares.fromDate))
        .prepare(name),
    ).execute({ agreementIds });
  },

  /** Sets the share from `fromDate` on (replacing one that starts that day). */
  async setShare(tx: Executor, agreementId: string, fromDate: string, percent: number): Promise<void> {
    await tx
      .insert(agreementShares)
      .values({ agreementId, fromDate, percent })
      .onConflictDoUpdate({ target: [agreementShares.agreementId, agreementShares.fromDate], set: { percent } });
  },

  /** Moves the first share to a new start date. */
  async moveFirstShare(tx: Executor, agreementId: string, from: string, to: string): Promise<void> {
    await tx
      .update(agreementShares)
      .set({ fromDate: to })
      .where(and(eq(agreementShares.agreementId, agreementId), eq(agreementShares.fromDate, from)));
  },

  /** The open agreements (draft or active) of these doctors, for the overlap of their shares. */
  async openAgreementsOf(db: Executor, doctorIds: readonly string[]): Promise<OpenAgreementRow[]> {
    if (doctorIds.length === 0) return [];
    const ids = oneOrAnyOf('agreement_facts_open', agreements.doctorId, doctorIds, 'uuid');
    return prepared(db, ids.name, (name) => openAgreementsWhere(db, ids.condition(placeholders('doctorIds'))).prepare(name)).execute({
      doctorIds: ids.value,
    });
  },

  /** openAgreementsOf the doctor of one agreement, found by the agreement's id (as registrationPeriodsOfAgreement). */
  async openAgreementsOfDoctorOf(db: Executor, agreementId: string): Promise<OpenAgreementRow[]> {
    return prepared(db, 'agreement_facts_open_by_agreement', (name) =>
      openAgreementsWhere(db, eq(agreements.doctorId, ofAgreement(db, 'doctorId'))).prepare(name),
    ).execute({ agreementId });
  },

  /** Locks a doctor's row: changes to the doctor's veileder supervisions (across agreements) take turns. */
  async lockDoctor(tx: Executor, doctorId: string): Promise<{ hprNumber: string } | undefined> {
    const [row] = await tx.select({ hprNumber: doctors.hprNumber }).from(doctors).where(eq(doctors.id, doctorId)).for('update');
    return row;
  },
};
