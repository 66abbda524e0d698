import { and, asc, eq, gt, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Executor, RowOf } from '../../db/client.js';
import { agreements, supervisions, supervisors } from '../../db/schema.js';

const columns = {
  id: supervisions.id,
  agreementId: supervisions.agreementId,
  supervisorId: supervisions.supervisorId,
  supervisorName: supervisors.name,
  role: supervisions.role,
  fromDate: supervisions.fromDate,
  toDate: supervisions.toDate,
  version: supervisions.version,
  createdAt: supervisions.createdAt,
};

export type SupervisionRow = RowOf<typeof columns>;
export type NewSupervisionRow = typeof supervisions.$inferInsert;

export interface SupervisorQualificationRow {
  id: string;
  name: string;
  hprNumber: string;
  specialistInGeneralPractice: boolean;
  specialistApprovedOn: string | null;
  exemptionFrom: string | null;
  exemptionUntil: string | null;
}

function baseSelect(db: Executor) {
  return db.select(columns).from(supervisions).innerJoin(supervisors, eq(supervisors.id, supervisions.supervisorId));
}

export const supervisionsRepo = {
  async list(db: Executor, agreementId: string): Promise<SupervisionRow[]> {
    return baseSelect(db)
      .where(eq(supervisions.agreementId, agreementId))
      .orderBy(asc(supervisions.fromDate), asc(supervisions.createdAt), asc(supervisions.id));
  },

  async get(db: Executor, agreementId: string, id: string): Promise<SupervisionRow | undefined> {
    const [row] = await baseSelect(db).where(and(eq(supervisions.agreementId, agreementId), eq(supervisions.id, id)));
    return row;
  },

  async findSupervisor(db: Executor, id: string): Promise<SupervisorQualificationRow | undefined> {
    const [row] = await db
      .select({
        id: supervisors.id,
        name: supervisors.name,
        hprNumber: supervisors.hprNumber,
        specialistInGeneralPractice: supervisors.specialistInGeneralPractice,
        specialistApprovedOn: supervisors.specialistApprovedOn,
        exemptionFrom: supervisors.exemptionFrom,
        exemptionUntil: supervisors.exemptionUntil,
      })
      .from(supervisors)
      .where(eq(supervisors.id, id));
    return row;
  },

  /**
   * Another veileder supervision of the doctor, in any of their agreements, whose period shares a
   * day with [from, to ?? open]: an ALIS has one veileder at a time, not one per agreement.
   */
  async findOverlappingVeileder(
    db: Executor,
    doctorId: string,
    period: { from: string; to: string | null },
    exceptId?: string,
  ): Promise<(SupervisionRow & { kommunenummer: string }) | undefined> {
    const [row] = await db
      .select({ ...columns, kommunenummer: agreements.kommunenummer })
      .from(supervisions)
      .innerJoin(supervisors, eq(supervisors.id, supervisions.supervisorId))
      .innerJoin(agreements, eq(agreements.id, supervisions.agreementId))
      .where(
        and(
          eq(agreements.doctorId, doctorId),
          eq(supervisions.role, 'veileder'),
          exceptId ? ne(supervisions.id, exceptId) : undefined,
          period.to === null ? undefined : lte(supervisions.fromDate, period.to),
          or(isNull(supervisions.toDate), gte(supervisions.toDate, period.from)),
        ),
      )
      .orderBy(asc(supervisions.fromDate))
      .limit(1);
    return row;
  },

  /** The agreement's veileder without an end date, if any (what the partial unique index guards). */
  async findOpenVeileder(db: Executor, agreementId: string): Promise<SupervisionRow | undefined> {
    const [row] = await baseSelect(db).where(
      and(eq(supervisions.agreementId, agreementId), eq(supervisions.role, 'veileder'), isNull(supervisions.toDate)),
    );
    return row;
  },

  /** Returns the new id, or undefined when the agreement already has an open veileder (the index decides). */
  async insert(tx: Executor, row: NewSupervisionRow): Promise<string | undefined> {
    const [inserted] = await tx.insert(supervisions).values(row).onConflictDoNothing().returning({ id: supervisions.id });
    return inserted?.id;
  },

  /**
   * Ends on `endDate` every supervision of the agreement that started by then and runs past it
   * (or is open-ended); returns what it changed.
   */
  async endRunningPast(tx: Executor, agreementId: string, endDate: string): Promise<{ id: string; previousTo: string | null }[]> {
    const running = await tx
      .select({ id: supervisions.id, previousTo: supervisions.toDate })
      .from(supervisions)
      .where(
        and(
          eq(supervisions.agreementId, agreementId),
          lte(supervisions.fromDate, endDate),
          or(isNull(supervisions.toDate), gt(supervisions.toDate, endDate)),
        ),
      )
      .orderBy(asc(supervisions.fromDate), asc(supervisions.id));
    if (running.length > 0) {
      await tx
        .update(supervisions)
        .set({ toDate: endDate, version: sql`${supervisions.version} + 1` })
        .where(inArray(supervisions.id, running.map((row) => row.id)));
    }
    return running;
  },

  async setEnd(tx: Executor, id: string, toDate: string): Promise<void> {
    await tx
      .update(supervisions)
      .set({ toDate, version: sql`${supervisions.version} + 1` })
      .where(eq(supervisions.id, id));
  },
};
