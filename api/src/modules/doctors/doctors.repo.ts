import { type SQL, and, eq, exists, getTableColumns, ilike, inArray, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Total } from '@alis/shared';
import type { ChangesOf, Executor } from '../../db/client.js';
import { type Bind, inline, placeholders, prepared } from '../../db/prepared.js';
import { type ListPage, ONE, type SortColumns, anyOf, statementName, totalOf } from '../../lib/list.js';
import { insertJsonRows } from '../../db/bulk.js';
import { agreements, doctorOffices, doctors } from '../../db/schema.js';
import { type MunicipalityScope, scopeShape, scopeValues } from '../../lib/scope.js';
import { escapeLike, isUniqueViolation } from '../../lib/sql.js';

export type DoctorRow = typeof doctors.$inferSelect;
export type NewDoctorRow = typeof doctors.$inferInsert;
export type DoctorChanges = ChangesOf<
  typeof doctors,
  'hprNumber' | 'name' | 'email' | 'phone' | 'lis1CompletedOn' | 'scheme' | 'specialistApprovedOn'
>;

export interface DoctorFilter {
  hprNumber?: string | undefined;
  /** Part of the name, matched ignoring case. */
  nameContains?: string | undefined;
  /** Start of the (canonical) HPR number. */
  hprPrefix?: string | undefined;
  /** Doctors with an agreement (any status) in this municipality. */
  kommunenummer?: string | undefined;
}

export const DOCTOR_SORTS: SortColumns<'name'> = { name: [doctors.name, doctors.id] };
/** An office's doctors in name order, from the office's own index (the same name and id: cursors are alike). */
const OFFICE_DOCTOR_SORTS: SortColumns<'name'> = { name: [doctorOffices.name, doctorOffices.doctorId] };
export const doctorSortsFor = (scope: MunicipalityScope | null) => (scope?.officeCode ? OFFICE_DOCTOR_SORTS : DOCTOR_SORTS);
export const doctorPosition = { name: (row: DoctorRow) => [row.name, row.id] };

/**
 * The filters in use as conditions, their values bound by name (valuesOf). `visible` states the
 * scope: per row for a page (walked in name order, it stops after the page), or as the set of
 * visible ids for a count (built from the scope's indexes, so that counting costs what the scope
 * holds, not what the table holds).
 */
function matching(db: Executor, scope: MunicipalityScope | null, filter: DoctorFilter, bind: Bind, visible = visibleTo) {
  const text = [
    filter.nameContains ? ilike(doctors.name, bind('namePattern')) : undefined,
    filter.hprPrefix ? like(doctors.hprNumber, bind('hprPattern')) : undefined,
  ].filter((condition) => condition !== undefined);
  return and(
    scope ? visible(db, scope, bind) : undefined,
    filter.hprNumber ? eq(doctors.hprNumber, bind('hprNumber')) : undefined,
    text.length > 0 ? or(...text) : undefined,
    filter.kommunenummer ? withAgreementIn(db, bind('kommunenummer')) : undefined,
  );
}

const valuesOf = (scope: MunicipalityScope | null, filter: DoctorFilter) => ({
  ...filter,
  ...scopeValues(scope),
  namePattern: filter.nameContains ? `%${escapeLike(filter.nameContains)}%` : null,
  hprPattern: filter.hprPrefix ? `${escapeLike(filter.hprPrefix)}%` : null,
});

const shapeOf = (scope: MunicipalityScope | null, filter: DoctorFilter) => [
  scopeShape(scope),
  filter.hprNumber !== undefined,
  filter.nameContains !== undefined,
  filter.hprPrefix !== undefined,
  filter.kommunenummer !== undefined,
];

/**
 * The doctors a caller may see, as one SQL condition (no per-row queries). An office sees doctors
 * with an agreement (any status) in one of its municipalities, those its users registered, and
 * those a municipality of the office registered through its client: `doctor_offices`, kept by the
 * database's triggers; a municipality's client sees doctors with an agreement there and those it
 * registered. Undefined means everyone.
 */
function visibleTo(db: Executor, scope: MunicipalityScope, bind: Bind): SQL | undefined {
  if (scope.officeCode !== null) {
    return exists(
      db
        .select({ one: ONE })
        .from(doctorOffices)
        .where(and(eq(doctorOffices.officeCode, bind('scopeOffice')), eq(doctorOffices.doctorId, doctors.id))),
    );
  }
  if (scope.kommunenummer !== null) {
    const kommunenummer = bind('scopeKommune');
    return or(eq(doctors.createdByKommunenummer, kommunenummer), withAgreementIn(db, kommunenummer));
  }
  return undefined;
}

/** visibleTo as one `id in (…)`: the ids each rule of the scope gives, from their own indexes. */
function visibleIds(db: Executor, scope: MunicipalityScope, bind: Bind): SQL | undefined {
  const registeredBy = alias(doctors, 'registered');
  if (scope.officeCode !== null) {
    return inArray(doctors.id, db.select({ id: doctorOffices.doctorId }).from(doctorOffices).where(eq(doctorOffices.officeCode, bind('scopeOffice'))));
  }
  if (scope.kommunenummer !== null) {
    const kommunenummer = bind('scopeKommune');
    return inArray(
      doctors.id,
      db
        .select({ id: agreements.doctorId })
        .from(agreements)
        .where(eq(agreements.kommunenummer, kommunenummer))
        .unionAll(db.select({ id: registeredBy.id }).from(registeredBy).where(eq(registeredBy.createdByKommunenummer, kommunenummer))),
    );
  }
  return undefined;
}

const withAgreementIn = (db: Executor, kommunenummer: SQL) =>
  exists(
    db
      .select({ one: ONE })
      .from(agreements)
      .where(and(eq(agreements.doctorId, doctors.id), eq(agreements.kommunenummer, kommunenummer))),
  );

export const doctorsRepo = {
  /** The doctor if it exists and `scope` may see it; `null` scope means no restriction. */
  async get(db: Executor, id: string, scope: MunicipalityScope | null, options: { forUpdate?: boolean } = {}): Promise<DoctorRow | undefined> {
    const byId = (bind: Bind) => db.select().from(doctors).where(and(eq(doctors.id, bind('id')), scope ? visibleTo(db, scope, bind) : undefined));
    const values = { id, ...scopeValues(scope) };
    const [row] = options.forUpdate
      ? await byId(inline(values)).for('update', { of: doctors })
      : await prepared(db, statementName('doctor_get', [scopeShape(scope)]), (name) => byId(placeholders).prepare(name)).execute(values);
    return row;
  },

  /** The municipalities a doctor concerns: where they have an agreement, and the one that registered them. */
  async municipalitiesOf(db: Executor, doctor: Pick<DoctorRow, 'id' | 'createdByKommunenummer'>): Promise<string[]> {
    const rows = await db.selectDistinct({ kommunenummer: agreements.kommunenummer }).from(agreements).where(eq(agreements.doctorId, doctor.id));
    return [...rows.map((row) => row.kommunenummer), ...(doctor.createdByKommunenummer ? [doctor.createdByKommunenummer] : [])];
  },

  async findByHprNumber(db: Executor, hprNumber: string): Promise<DoctorRow | undefined> {
    const [row] = await db.select().from(doctors).where(eq(doctors.hprNumber, hprNumber));
    return row;
  },

  /** A page in the sort's order; `null` scope means no restriction. */
  /**
   * A page in the sort's order; `null` scope means no restriction. An office's page walks its own
   * index (`doctor_offices_page_idx`) and stops after the page, whatever the table holds.
   */
  async list(db: Executor, scope: MunicipalityScope | null, filter: DoctorFilter, page: ListPage<'name'>): Promise<DoctorRow[]> {
    const officeScoped = scope?.officeCode != null;
    return prepared(db, statementName('doctors_list', [...shapeOf(scope, filter), page.sort, page.after !== undefined]), (name) =>
      (officeScoped
        ? db
            .select(getTableColumns(doctors))
            .from(doctorOffices)
            .innerJoin(doctors, eq(doctors.id, doctorOffices.doctorId))
            .where(and(eq(doctorOffices.officeCode, placeholders('scopeOffice')), matching(db, null, filter, placeholders), page.after))
        : db
            .select()
            .from(doctors)
            .where(and(matching(db, scope, filter, placeholders), page.after))
      )
        .orderBy(...page.orderBy)
        .limit(sql.placeholder('limit'))
        .prepare(name),
    ).execute({ ...valuesOf(scope, filter), ...page.values });
  },

  /** The total of a list; an office's counts its own index entries, joining the doctors only to filter them. */
  total(db: Executor, scope: MunicipalityScope | null, filter: DoctorFilter): Promise<Total> {
    const officeScoped = scope?.officeCode != null;
    return totalOf(
      db,
      statementName('doctors_total', shapeOf(scope, filter)),
      (bind) => {
        if (!officeScoped) return db.select({ one: ONE }).from(doctors).where(matching(db, scope, filter, bind, visibleIds)).$dynamic();
        const filters = matching(db, null, filter, bind);
        const ofOffice = eq(doctorOffices.officeCode, bind('scopeOffice'));
        const entries = db.select({ one: ONE }).from(doctorOffices).$dynamic();
        return filters ? entries.innerJoin(doctors, eq(doctors.id, doctorOffices.doctorId)).where(and(ofOffice, filters)) : entries.where(ofOffice);
      },
      valuesOf(scope, filter),
    );
  },

  /** Returns undefined when the HPR number is taken (the unique index decides, so races are safe). */
  async insert(db: Executor, row: NewDoctorRow): Promise<DoctorRow | undefined> {
    const [inserted] = await db.insert(doctors).values(row).onConflictDoNothing({ target: doctors.hprNumber }).returning();
    return inserted;
  },

  /** Many doctors at once (an import), in two statements whatever their number; an HPR number already taken is left out. */
  async insertMany(tx: Executor, rows: readonly NewDoctorRow[]): Promise<DoctorRow[]> {
    const inserted = await insertJsonRows(tx, doctors, rows, {
      columns: ['hprNumber', 'name', 'email', 'phone', 'lis1CompletedOn', 'scheme', 'specialistApprovedOn', 'createdByOfficeCode', 'createdByKommunenummer'],
      onConflictDoNothing: sql`(${sql.identifier(doctors.hprNumber.name)})`,
      returning: ['id'],
    });
    if (inserted.length === 0) return [];
    return tx.select().from(doctors).where(anyOf(doctors.id, sql`${sql.param(inserted.map((row) => row.id))}`, 'uuid'));
  },

  /** The doctors holding these HPR numbers (canonical form), in one statement. */
  async findByHprNumbers(db: Executor, hprNumbers: readonly string[]): Promise<{ id: string; hprNumber: string }[]> {
    if (hprNumbers.length === 0) return [];
    return db.select({ id: doctors.id, hprNumber: doctors.hprNumber }).from(doctors).where(anyOf(doctors.hprNumber, sql`${sql.param([...hprNumbers])}`, 'text'));
  },

  /**
   * Returns undefined when the new HPR number is taken. The unique index decides, inside a
   * savepoint, so the caller's transaction survives the violation and two racing changes cannot
   * both win.
   */
  async update(tx: Executor, id: string, changes: DoctorChanges): Promise<DoctorRow | undefined> {
    const run = async (db: Executor) => {
      const [row] = await db
        .update(doctors)
        .set({ ...changes, version: sql`${doctors.version} + 1`, updatedAt: sql`now()` })
        .where(eq(doctors.id, id))
        .returning();
      if (!row) throw new Error(`doctor ${id} vanished inside its transaction`);
      return row;
    };
    if (changes.hprNumber === undefined) return run(tx);
    try {
      return await tx.transaction((savepoint) => run(savepoint));
    } catch (error) {
      if (isUniqueViolation(error, 'doctors_hpr_number_key')) return undefined;
      throw error;
    }
  },
};
