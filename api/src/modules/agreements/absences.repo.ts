import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { absences } from '../../db/schema.js';

export type AbsenceRow = typeof absences.$inferSelect;

/** Absences of an agreement (leave, institution service, other): they move its planned end date. */
export const absencesRepo = {
  async list(db: Executor, agreementId: string): Promise<AbsenceRow[]> {
    return db
      .select()
      .from(absences)
      .where(eq(absences.agreementId, agreementId))
      .orderBy(asc(absences.fromDate), asc(absences.id));
  },

  async get(db: Executor, agreementId: string, absenceId: string): Promise<AbsenceRow | undefined> {
    const [row] = await db.select().from(absences).where(and(eq(absences.agreementId, agreementId), eq(absences.id, absenceId)));
    return row;
  },

  /** An absence of the agreement sharing at least one day with [from, to]. */
  async findOverlapping(db: Executor, agreementId: string, from: string, to: string): Promise<AbsenceRow | undefined> {
    const [row] = await db
      .select()
      .from(absences)
      .where(and(eq(absences.agreementId, agreementId), lte(absences.fromDate, to), gte(absences.toDate, from)))
      .orderBy(asc(absences.fromDate))
      .limit(1);
    return row;
  },

  async insert(tx: Executor, row: typeof absences.$inferInsert): Promise<AbsenceRow> {
    const [inserted] = await tx.insert(absences).values(row).returning();
    if (!inserted) throw new Error('absence insert returned no row');
    return inserted;
  },

  async delete(tx: Executor, agreementId: string, absenceId: string): Promise<AbsenceRow | undefined> {
    const [deleted] = await tx
      .delete(absences)
      .where(and(eq(absences.agreementId, agreementId), eq(absences.id, absenceId)))
      .returning();
    return deleted;
  },
};
