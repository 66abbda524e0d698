import type { RateTable, Total } from '@alis/shared';
import { and, asc, desc, eq, exists, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { ChangesOf, Executor, RowOf } from '../../db/client.js';
import { grantApplications, grantRateVersions, grantSchemes } from '../../db/schema.js';
import { ONE, totalOf } from '../../lib/list.js';

const columns = {
  code: grantSchemes.code,
  name: grantSchemes.name,
  description: grantSchemes.description,
  periodFrom: grantSchemes.periodFrom,
  periodTo: grantSchemes.periodTo,
  applicationDeadline: grantSchemes.applicationDeadline,
  expectedDecisionDate: grantSchemes.expectedDecisionDate,
  auditorCertificateDueDate: grantSchemes.auditorCertificateDueDate,
  version: grantSchemes.version,
  createdAt: grantSchemes.createdAt,
  updatedAt: grantSchemes.updatedAt,
};

export type SchemeRow = RowOf<typeof columns>;
export type SchemeChanges = ChangesOf<
  typeof grantSchemes,
  'name' | 'description' | 'periodFrom' | 'periodTo' | 'applicationDeadline' | 'expectedDecisionDate' | 'auditorCertificateDueDate'
>;
export type NewSchemeRow = Required<SchemeChanges> & { code: string };

export interface RateVersionRow {
  schemeCode: string;
  version: number;
  annualRatesNok: RateTable;
  createdAt: Date;
  /** A submitted application keeps this version. */
  inUse: boolean;
}

/** Whether a submitted application keeps this rate version. */
const usedBy = (db: Executor) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(grantApplications)
      .where(and(eq(grantApplications.schemeCode, grantRateVersions.schemeCode), eq(grantApplications.rateVersion, grantRateVersions.version))),
  );

export const grantSchemesRepo = {
  total(db: Executor): Promise<Total> {
    return totalOf(db, 'grant_schemes_total', () => db.select({ one: ONE }).from(grantSchemes).$dynamic(), {});
  },

  /** Newest period first: (period_from desc, code asc). */
  async list(db: Executor, after: { periodFrom: string; code: string } | undefined, limit: number): Promise<SchemeRow[]> {
    return db
      .select(columns)
      .from(grantSchemes)
      .where(
        after
          ? or(lt(grantSchemes.periodFrom, after.periodFrom), and(eq(grantSchemes.periodFrom, after.periodFrom), gt(grantSchemes.code, after.code)))
          : undefined,
      )
      .orderBy(desc(grantSchemes.periodFrom), asc(grantSchemes.code))
      .limit(limit);
  },

  async get(db: Executor, code: string): Promise<SchemeRow | undefined> {
    const [row] = await db.select(columns).from(grantSchemes).where(eq(grantSchemes.code, code));
    return row;
  },

  /**
   * Locks the scheme: a change of rates takes `update`, a submission (which keeps the current rate
   * version) takes `share`, so that no rates change in place under a submission.
   */
  async lock(tx: Executor, code: string, mode: 'update' | 'share'): Promise<SchemeRow | undefined> {
    const [row] = await tx.select(columns).from(grantSchemes).where(eq(grantSchemes.code, code)).for(mode);
    return row;
  },

  /** Undefined when the code is taken. */
  async insert(tx: Executor, values: NewSchemeRow): Promise<SchemeRow | undefined> {
    const [row] = await tx.insert(grantSchemes).values(values).onConflictDoNothing({ target: grantSchemes.code }).returning(columns);
    return row;
  },

  /** Bumps the version even when only the rates changed: the scheme's ETag covers its rate table. */
  async update(tx: Executor, code: string, changes: SchemeChanges): Promise<SchemeRow> {
    const [row] = await tx
      .update(grantSchemes)
      .set({ ...changes, version: sql`${grantSchemes.version} + 1`, updatedAt: sql`now()` })
      .where(eq(grantSchemes.code, code))
      .returning(columns);
    if (!row) throw new Error(`grant scheme ${code} vanished during an update`);
    return row;
  },

  /** Every rate version of these schemes, newest first. */
  async rateVersions(db: Executor, codes: readonly string[]): Promise<RateVersionRow[]> {
    if (codes.length === 0) return [];
    const rows = await db
      .select({
        schemeCode: grantRateVersions.schemeCode,
        version: grantRateVersions.version,
        annualRatesNok: grantRateVersions.annualRatesNok,
        createdAt: grantRateVersions.createdAt,
        inUse: usedBy(db).mapWith(Boolean),
      })
      .from(grantRateVersions)
      .where(inArray(grantRateVersions.schemeCode, [...codes]))
      .orderBy(asc(grantRateVersions.schemeCode), desc(grantRateVersions.version));
    // The API wrote every table it stores through the contract's complete rate table.
    return rows.map((row) => ({ ...row, annualRatesNok: row.annualRatesNok as RateTable }));
  },

  async insertRateVersion(tx: Executor, schemeCode: string, version: number, annualRatesNok: RateTable): Promise<void> {
    await tx.insert(grantRateVersions).values({ schemeCode, version, annualRatesNok });
  },

  /** Replaces the table of a version no submitted application keeps. */
  async replaceRates(tx: Executor, schemeCode: string, version: number, annualRatesNok: RateTable): Promise<void> {
    await tx
      .update(grantRateVersions)
      .set({ annualRatesNok })
      .where(and(eq(grantRateVersions.schemeCode, schemeCode), eq(grantRateVersions.version, version)));
  },
};
