import { and, asc, count, desc, eq, exists, gt, gte, inArray, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import type { Executor, RowOf } from '../../db/client.js';
import {
  agreementShares,
  agreements,
  doctors,
  municipalities,
  registrationTransitions,
  registrations,
  supervisions,
  supervisors,
} from '../../db/schema.js';
import type { MunicipalityScope } from '../../lib/scope.js';

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
  version: agreements.version,
  createdAt: agreements.createdAt,
  updatedAt: agreements.updatedAt,
};

export type AgreementRow = RowOf<typeof columns>;
export type NewAgreementRow = typeof agreements.$inferInsert;
export type AgreementChanges = Partial<
  Pick<
    NewAgreementRow,
    | 'employmentForm'
    | 'position'
    | 'positionPercent'
    | 'signedOn'
    | 'startDate'
    | 'viaStaffingAgency'
    | 'notes'
    | 'status'
    | 'endDate'
    | 'endReason'
    | 'cancellationReason'
    | 'plannedEndDate'
  >
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
  today: string;
  /** Position of the last row of the previous page in (start_date desc, id asc) order. */
  after?: { startDate: string; id: string } | undefined;
}

/** A registration with its transitions, one row per transition (transition fields null without history). */
export interface RegistrationHistoryRow {
  kommunenummer: string;
  status: string;
  applicationDate: string | null;
  registeredFrom: string | null;
  transitionId: bigint | null;
  toStatus: string | null;
  transitionDate: string | null;
}

/** The veileder supervision running on a day, with what the warnings need of the supervisor. */
export interface CurrentVeilederRow {
  agreementId: string;
  supervisionId: string;
  supervisorId: string;
  name: string;
  specialistInGeneralPractice: boolean;
  specialistApprovedOn: string | null;
  exemptionFrom: string | null;
  exemptionUntil: string | null;
  capacity: number;
  activeVeilederCount: number;
}

const inScope = (scope: MunicipalityScope) =>
  and(
    scope.officeCode === null ? undefined : eq(municipalities.officeCode, scope.officeCode),
    scope.kommunenummer === null ? undefined : eq(agreements.kommunenummer, scope.kommunenummer),
  );

/** A supervision running on `day` (started, and not ended before it). */
const runningOn = (day: string) =>
  and(lte(supervisions.fromDate, day), or(isNull(supervisions.toDate), gte(supervisions.toDate, day)));

function baseSelect(db: Executor) {
  return db
    .select(columns)
    .from(agreements)
    .innerJoin(municipalities, eq(municipalities.kommunenummer, agreements.kommunenummer))
    .innerJoin(doctors, eq(doctors.id, agreements.doctorId));
}

export const agreementsRepo = {
  async get(db: Executor, id: string, scope: MunicipalityScope): Promise<AgreementRow | undefined> {
    const [row] = await baseSelect(db).where(and(eq(agreements.id, id), inScope(scope)));
    return row;
  },

  /** Locks the agreement row: every change to it, its absences and its supervisions goes through here. */
  async getForUpdate(tx: Executor, id: string, scope: MunicipalityScope): Promise<AgreementRow | undefined> {
    const [row] = await baseSelect(tx)
      .where(and(eq(agreements.id, id), inScope(scope)))
      .for('update', { of: agreements });
    return row;
  },

  async list(db: Executor, scope: MunicipalityScope, filter: AgreementFilter, limit: number): Promise<AgreementRow[]> {
    const veilederToday = db
      .select({ one: sql`1` })
      .from(supervisions)
      .where(and(eq(supervisions.agreementId, agreements.id), eq(supervisions.role, 'veileder'), runningOn(filter.today)));
    return baseSelect(db)
      .where(
        and(
          inScope(scope),
          filter.kommunenummer ? eq(agreements.kommunenummer, filter.kommunenummer) : undefined,
          filter.officeCode ? eq(municipalities.officeCode, filter.officeCode) : undefined,
          filter.status ? eq(agreements.status, filter.status) : undefined,
          filter.doctorId ? eq(agreements.doctorId, filter.doctorId) : undefined,
          filter.employmentForm ? eq(agreements.employmentForm, filter.employmentForm) : undefined,
          filter.endsBefore ? sql`coalesce(${agreements.endDate}, ${agreements.plannedEndDate}) < ${filter.endsBefore}` : undefined,
          filter.supervisorId
            ? exists(
                db
                  .select({ one: sql`1` })
                  .from(supervisions)
                  .where(and(eq(supervisions.agreementId, agreements.id), eq(supervisions.supervisorId, filter.supervisorId))),
              )
            : undefined,
          filter.hasVeileder === undefined ? undefined : filter.hasVeileder ? exists(veilederToday) : notExists(veilederToday),
          filter.after
            ? or(
                lt(agreements.startDate, filter.after.startDate),
                and(eq(agreements.startDate, filter.after.startDate), gt(agreements.id, filter.after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(agreements.startDate), asc(agreements.id))
      .limit(limit);
  },

  /** Returns the new id, or undefined when an open agreement for the doctor and municipality exists (the index decides). */
  async insert(tx: Executor, row: NewAgreementRow): Promise<string | undefined> {
    const [inserted] = await tx.insert(agreements).values(row).onConflictDoNothing().returning({ id: agreements.id });
    return inserted?.id;
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

  /** Registrations of the given specialty in these municipalities, with their transitions in order. */
  async registrationHistory(db: Executor, kommunenumre: readonly string[], specialty: string): Promise<RegistrationHistoryRow[]> {
    if (kommunenumre.length === 0) return [];
    return db
      .select({
        kommunenummer: registrations.kommunenummer,
        status: registrations.status,
        applicationDate: registrations.applicationDate,
        registeredFrom: registrations.registeredFrom,
        transitionId: registrationTransitions.id,
        toStatus: registrationTransitions.toStatus,
        transitionDate: registrationTransitions.date,
      })
      .from(registrations)
      .leftJoin(registrationTransitions, eq(registrationTransitions.registrationId, registrations.id))
      .where(and(inArray(registrations.kommunenummer, [...kommunenumre]), eq(registrations.specialty, specialty)))
      .orderBy(asc(registrations.kommunenummer), asc(registrationTransitions.id));
  },

  /**
   * The veileder supervision running on each agreement's warning day (today, or its start when it
   * starts later), with its supervisor and that supervisor's number of veileder supervisions running
   * today across all agreements (counted for these supervisors only, so the cost follows the page).
   */
  async currentVeileders(db: Executor, agreementIds: readonly string[], today: string): Promise<CurrentVeilederRow[]> {
    if (agreementIds.length === 0) return [];
    const ofThesePage = db
      .select({ id: supervisions.supervisorId })
      .from(supervisions)
      .where(and(inArray(supervisions.agreementId, [...agreementIds]), eq(supervisions.role, 'veileder')));
    const load = db
      .select({ supervisorId: supervisions.supervisorId, n: count().as('n') })
      .from(supervisions)
      .where(and(eq(supervisions.role, 'veileder'), runningOn(today), inArray(supervisions.supervisorId, ofThesePage)))
      .groupBy(supervisions.supervisorId)
      .as('load');
    const day = sql`greatest(${agreements.startDate}, ${today}::date)`;
    return db
      .select({
        agreementId: supervisions.agreementId,
        supervisionId: supervisions.id,
        supervisorId: supervisions.supervisorId,
        name: supervisors.name,
        specialistInGeneralPractice: supervisors.specialistInGeneralPractice,
        specialistApprovedOn: supervisors.specialistApprovedOn,
        exemptionFrom: supervisors.exemptionFrom,
        exemptionUntil: supervisors.exemptionUntil,
        capacity: supervisors.capacity,
        activeVeilederCount: sql<number>`coalesce(${load.n}, 0)`.mapWith(Number),
      })
      .from(supervisions)
      .innerJoin(agreements, eq(agreements.id, supervisions.agreementId))
      .innerJoin(supervisors, eq(supervisors.id, supervisions.supervisorId))
      .leftJoin(load, eq(load.supervisorId, supervisions.supervisorId))
      .where(
        and(
          inArray(supervisions.agreementId, [...agreementIds]),
          eq(supervisions.role, 'veileder'),
          sql`${supervisions.fromDate} <= ${day}`,
          sql`(${supervisions.toDate} is null or ${supervisions.toDate} >= ${day})`,
        ),
      )
      .orderBy(asc(supervisions.agreementId), desc(supervisions.fromDate));
  },

  /** The share history of these agreements, oldest first. */
  async shares(db: Executor, agreementIds: readonly string[]): Promise<ShareRow[]> {
    if (agreementIds.length === 0) return [];
    return db
      .select({ agreementId: agreementShares.agreementId, fromDate: agreementShares.fromDate, percent: agreementShares.percent })
      .from(agreementShares)
      .where(inArray(agreementShares.agreementId, [...agreementIds]))
      .orderBy(asc(agreementShares.agreementId), asc(agreementShares.fromDate));
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
    return db
      .select({ id: agreements.id, doctorId: agreements.doctorId, startDate: agreements.startDate, plannedEndDate: agreements.plannedEndDate })
      .from(agreements)
      .where(and(inArray(agreements.doctorId, [...doctorIds]), inArray(agreements.status, ['draft', 'active'])));
  },

  /** Locks a doctor's row: changes to the doctor's veileder supervisions (across agreements) take turns. */
  async lockDoctor(tx: Executor, doctorId: string): Promise<{ hprNumber: string } | undefined> {
    const [row] = await tx.select({ hprNumber: doctors.hprNumber }).from(doctors).where(eq(doctors.id, doctorId)).for('update');
    return row;
  },
};
