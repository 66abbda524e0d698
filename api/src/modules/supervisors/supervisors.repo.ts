import { type SQL, and, asc, desc, eq, exists, getTableColumns, gt, gte, ilike, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import type { Total } from '@alis/shared';
import { alias } from 'drizzle-orm/pg-core';
import type { ChangesOf, Executor } from '../../db/client.js';
import { type Bind, inline, placeholders, prepared } from '../../db/prepared.js';
import { type ListPage, ONE, type SortColumns, statementName, totalOf } from '../../lib/list.js';
import { agreements, doctors, municipalities, supervisions, supervisorOffices, supervisors } from '../../db/schema.js';
import { type MunicipalityScope, scopeShape, scopeValues } from '../../lib/scope.js';
import { escapeLike, isUniqueViolation } from '../../lib/sql.js';

export type SupervisorRecord = typeof supervisors.$inferSelect;
export type NewSupervisorRow = typeof supervisors.$inferInsert;
export type SupervisorRow = SupervisorRecord & { currentLoad: number };
export type SupervisorChanges = ChangesOf<
  typeof supervisors,
  'hprNumber' | 'name' | 'email' | 'phone' | 'workplaceKommunenummer' | 'specialistInGeneralPractice' | 'specialistApprovedOn' |
  'exemptionFrom' | 'exemptionUntil' | 'courseCompletedOn' | 'capacity'
>;

export interface SupervisionRow {
  supervisionId: string;
  agreementId: string;
  role: (typeof supervisions.$inferSelect)['role'];
  from: string;
  to: string | null;
  doctorName: string;
  kommunenummer: string;
}

export interface SupervisorFilter {
  hprNumber?: string | undefined;
  nameContains?: string | undefined;
  hprPrefix?: string | undefined;
  /** Working in, or supervising an agreement in, this municipality. */
  kommunenummer?: string | undefined;
  /** Specialist, or an exemption valid on `today`. */
  qualified?: boolean | undefined;
  /** Current load above capacity. */
  overCapacity?: boolean | undefined;
}

export const SUPERVISOR_SORTS: SortColumns<'name'> = { name: [supervisors.name, supervisors.id] };
/** An office's supervisors in name order, from the office's own index (the same name and id: cursors are alike). */
const OFFICE_SUPERVISOR_SORTS: SortColumns<'name'> = { name: [supervisorOffices.name, supervisorOffices.supervisorId] };
export const supervisorSortsFor = (scope: MunicipalityScope | null) => (scope?.officeCode ? OFFICE_SUPERVISOR_SORTS : SUPERVISOR_SORTS);
export const supervisorPosition = { name: (row: SupervisorRow) => [row.name, row.id] };

/**
 * Veileder supervisions running on `today` (from ≤ today ≤ to, open-ended when to is null), as a
 * correlated aggregate subquery per row of `supervisors` in the query around it: an index lookup per
 * supervisor (supervisions_veileder_load_idx), whatever the plan. Built as a query so that its
 * columns come out qualified (drizzle leaves the select list of a one-table query unqualified).
 */
export const loadOn = (db: Executor, today: SQL) =>
  sql<number>`(${db
    .select({ n: sql`count(*)::int` })
    .from(supervisions)
    .where(
      and(
        eq(supervisions.supervisorId, supervisors.id),
        eq(supervisions.role, 'veileder'),
        lte(supervisions.fromDate, today),
        or(isNull(supervisions.toDate), gte(supervisions.toDate, today)),
      ),
    )})`.mapWith(Number);

const columnsOn = (db: Executor, today: SQL) => ({ ...getTableColumns(supervisors), currentLoad: loadOn(db, today) });

/** `today`, bound as a date. */
const todayOf = (bind: Bind) => sql`${bind('today')}::date`;

/** Supervises (or supervised) an agreement in a municipality matching `where`. */
const supervisesWhere = (db: Executor, where: SQL | undefined) =>
  exists(
    db
      .select({ one: ONE })
      .from(supervisions)
      .innerJoin(agreements, eq(agreements.id, supervisions.agreementId))
      .innerJoin(municipalities, eq(municipalities.kommunenummer, agreements.kommunenummer))
      .where(and(eq(supervisions.supervisorId, supervisors.id), where)),
  );

/**
 * The supervisors a caller may see, as one SQL condition. An office: workplace in one of its
 * municipalities, or a supervision (any period) of an agreement in them, or registered by its
 * users (`supervisor_offices`, kept by the database's triggers). A municipality's client:
 * workplace there, or a supervision of an agreement there.
 */
function visibleTo(db: Executor, scope: MunicipalityScope, bind: Bind): SQL | undefined {
  if (scope.officeCode !== null) {
    return exists(
      db
        .select({ one: ONE })
        .from(supervisorOffices)
        .where(and(eq(supervisorOffices.officeCode, bind('scopeOffice')), eq(supervisorOffices.supervisorId, supervisors.id))),
    );
  }
  if (scope.kommunenummer !== null) return workingOrSupervisingIn(db, bind('scopeKommune'));
  return undefined;
}

const workingOrSupervisingIn = (db: Executor, kommunenummer: SQL) =>
  or(eq(supervisors.workplaceKommunenummer, kommunenummer), supervisesWhere(db, eq(agreements.kommunenummer, kommunenummer)));

/** Agreements whose municipality is in the scope, for the supervisions listed with a supervisor. */
function agreementInScope(scope: MunicipalityScope, bind: Bind): SQL | undefined {
  return and(
    scope.officeCode === null ? undefined : eq(municipalities.officeCode, bind('scopeOffice')),
    scope.kommunenummer === null ? undefined : eq(agreements.kommunenummer, bind('scopeKommune')),
  );
}

/**
 * visibleTo as one `id in (…)`: the ids each rule of the scope gives, from their own indexes, so
 * that a count costs what the scope holds rather than what the table holds.
 */
function visibleIds(db: Executor, scope: MunicipalityScope, bind: Bind): SQL | undefined {
  const other = alias(supervisors, 'other');
  const supervising = (where: SQL) =>
    db
      .select({ id: supervisions.supervisorId })
      .from(supervisions)
      .innerJoin(agreements, eq(agreements.id, supervisions.agreementId))
      .where(where);
  if (scope.officeCode !== null) {
    return inArray(
      supervisors.id,
      db.select({ id: supervisorOffices.supervisorId }).from(supervisorOffices).where(eq(supervisorOffices.officeCode, bind('scopeOffice'))),
    );
  }
  if (scope.kommunenummer !== null) {
    const kommunenummer = bind('scopeKommune');
    return inArray(
      supervisors.id,
      supervising(eq(agreements.kommunenummer, kommunenummer)).unionAll(
        db.select({ id: other.id }).from(other).where(eq(other.workplaceKommunenummer, kommunenummer)),
      ),
    );
  }
  return undefined;
}

/**
 * The filters in use as conditions, their values bound by name (valuesOf). `visible` states the
 * scope: per row for a page (walked in name order, it stops after the page), or as the set of
 * visible ids for a count (visibleIds).
 */
function matching(db: Executor, scope: MunicipalityScope | null, filter: SupervisorFilter, bind: Bind, visible = visibleTo) {
  const today = todayOf(bind);
  const text = [
    filter.nameContains ? ilike(supervisors.name, bind('namePattern')) : undefined,
    filter.hprPrefix ? like(supervisors.hprNumber, bind('hprPattern')) : undefined,
  ].filter((condition) => condition !== undefined);
  // `qualifiedAsVeileder` (shared) in SQL: approved as specialist by the day (or approval date not
  // known), or an exemption whose period covers it. Coalesced, so that it is never null.
  const qualified = sql`(
    (${supervisors.specialistInGeneralPractice} and coalesce(${supervisors.specialistApprovedOn} <= ${today}, true))
    or (coalesce(${supervisors.exemptionUntil} >= ${today}, false) and coalesce(${supervisors.exemptionFrom} <= ${today}, true))
  )`;
  const load = loadOn(db, today);
  return and(
    scope ? visible(db, scope, bind) : undefined,
    filter.hprNumber ? eq(supervisors.hprNumber, bind('hprNumber')) : undefined,
    text.length > 0 ? or(...text) : undefined,
    filter.kommunenummer ? workingOrSupervisingIn(db, bind('kommunenummer')) : undefined,
    filter.qualified === undefined ? undefined : filter.qualified ? qualified : sql`not ${qualified}`,
    filter.overCapacity === undefined ? undefined : filter.overCapacity ? gt(load, supervisors.capacity) : lte(load, supervisors.capacity),
  );
}

const valuesOf = (scope: MunicipalityScope | null, filter: SupervisorFilter, today: string) => ({
  ...filter,
  ...scopeValues(scope),
  today,
  namePattern: filter.nameContains ? `%${escapeLike(filter.nameContains)}%` : null,
  hprPattern: filter.hprPrefix ? `${escapeLike(filter.hprPrefix)}%` : null,
});

const shapeOf = (scope: MunicipalityScope | null, filter: SupervisorFilter) => [
  scopeShape(scope),
  filter.hprNumber !== undefined,
  filter.nameContains !== undefined,
  filter.hprPrefix !== undefined,
  filter.kommunenummer !== undefined,
  filter.qualified,
  filter.overCapacity,
];

export const supervisorsRepo = {
  /** The supervisor with its load on `today`, if `scope` may see it; `null` scope means no restriction. */
  async get(
    db: Executor,
    id: string,
    scope: MunicipalityScope | null,
    today: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<SupervisorRow | undefined> {
    const byId = (bind: Bind) =>
      db
        .select(columnsOn(db, todayOf(bind)))
        .from(supervisors)
        .where(and(eq(supervisors.id, bind('id')), scope ? visibleTo(db, scope, bind) : undefined));
    const values = { id, today, ...scopeValues(scope) };
    const [row] = options.forUpdate
      ? await byId(inline(values)).for('update', { of: supervisors })
      : await prepared(db, statementName('supervisor_get', [scopeShape(scope)]), (name) => byId(placeholders).prepare(name)).execute(values);
    return row;
  },

  /** The municipalities a supervisor concerns: where they work, and where they supervise (or supervised) an agreement. */
  async municipalitiesOf(db: Executor, supervisor: Pick<SupervisorRecord, 'id' | 'workplaceKommunenummer'>): Promise<string[]> {
    const rows = await db
      .selectDistinct({ kommunenummer: agreements.kommunenummer })
      .from(supervisions)
      .innerJoin(agreements, eq(agreements.id, supervisions.agreementId))
      .where(eq(supervisions.supervisorId, supervisor.id));
    return [...rows.map((row) => row.kommunenummer), ...(supervisor.workplaceKommunenummer ? [supervisor.workplaceKommunenummer] : [])];
  },

  async findByHprNumber(db: Executor, hprNumber: string): Promise<SupervisorRecord | undefined> {
    const [row] = await db.select().from(supervisors).where(eq(supervisors.hprNumber, hprNumber));
    return row;
  },


  /**
   * A page of supervisors, with each row's current load computed in the same statement. An office's
   * page walks its own index (`supervisor_offices_page_idx`) and stops after the page.
   */
  async list(db: Executor, scope: MunicipalityScope | null, filter: SupervisorFilter, today: string, page: ListPage<'name'>): Promise<SupervisorRow[]> {
    const officeScoped = scope?.officeCode != null;
    return prepared(db, statementName('supervisors_list', [...shapeOf(scope, filter), page.sort, page.after !== undefined]), (name) =>
      (officeScoped
        ? db
            .select(columnsOn(db, todayOf(placeholders)))
            .from(supervisorOffices)
            .innerJoin(supervisors, eq(supervisors.id, supervisorOffices.supervisorId))
            .where(and(eq(supervisorOffices.officeCode, placeholders('scopeOffice')), matching(db, null, filter, placeholders), page.after))
        : db
            .select(columnsOn(db, todayOf(placeholders)))
            .from(supervisors)
            .where(and(matching(db, scope, filter, placeholders), page.after))
      )
        .orderBy(...page.orderBy)
        .limit(sql.placeholder('limit'))
        .prepare(name),
    ).execute({ ...valuesOf(scope, filter, today), ...page.values });
  },

  /** The total of a list; an office's counts its own index entries, joining the supervisors only to filter them. */
  total(db: Executor, scope: MunicipalityScope | null, filter: SupervisorFilter, today: string): Promise<Total> {
    const officeScoped = scope?.officeCode != null;
    return totalOf(
      db,
      statementName('supervisors_total', shapeOf(scope, filter)),
      (bind) => {
        if (!officeScoped) return db.select({ one: ONE }).from(supervisors).where(matching(db, scope, filter, bind, visibleIds)).$dynamic();
        const filters = matching(db, null, filter, bind);
        const ofOffice = eq(supervisorOffices.officeCode, bind('scopeOffice'));
        const entries = db.select({ one: ONE }).from(supervisorOffices).$dynamic();
        return filters
          ? entries.innerJoin(supervisors, eq(supervisors.id, supervisorOffices.supervisorId)).where(and(ofOffice, filters))
          : entries.where(ofOffice);
      },
      valuesOf(scope, filter, today),
    );
  },

  /** A supervisor's supervisions in agreements the scope may see, newest first, in one statement. */
  async supervisionsOf(db: Executor, supervisorId: string, scope: MunicipalityScope): Promise<SupervisionRow[]> {
    return prepared(db, statementName('supervisions_of', [scopeShape(scope)]), (name) =>
      db
        .select({
          supervisionId: supervisions.id,
          agreementId: supervisions.agreementId,
          role: supervisions.role,
          from: supervisions.fromDate,
          to: supervisions.toDate,
          doctorName: doctors.name,
          kommunenummer: agreements.kommunenummer,
        })
        .from(supervisions)
        .innerJoin(agreements, eq(agreements.id, supervisions.agreementId))
        .innerJoin(doctors, eq(doctors.id, agreements.doctorId))
        .innerJoin(municipalities, eq(municipalities.kommunenummer, agreements.kommunenummer))
        .where(and(eq(supervisions.supervisorId, placeholders('supervisorId')), agreementInScope(scope, placeholders)))
        .orderBy(desc(supervisions.fromDate), asc(supervisions.id))
        .prepare(name),
    ).execute({ supervisorId, ...scopeValues(scope) });
  },

  /** Returns undefined when the HPR number is taken (the unique index decides, so races are safe). */
  async insert(db: Executor, row: NewSupervisorRow): Promise<SupervisorRecord | undefined> {
    const [inserted] = await db.insert(supervisors).values(row).onConflictDoNothing({ target: supervisors.hprNumber }).returning();
    return inserted;
  },

  /**
   * Returns false when the new HPR number is taken. The unique index decides, inside a savepoint,
   * so the caller's transaction survives the violation and two racing changes cannot both win.
   */
  async update(tx: Executor, id: string, changes: SupervisorChanges): Promise<boolean> {
    const run = async (db: Executor) => {
      const updated = await db
        .update(supervisors)
        .set({ ...changes, version: sql`${supervisors.version} + 1`, updatedAt: sql`now()` })
        .where(eq(supervisors.id, id))
        .returning({ id: supervisors.id });
      if (updated.length === 0) throw new Error(`supervisor ${id} vanished inside its transaction`);
      return true;
    };
    if (changes.hprNumber === undefined) return run(tx);
    try {
      return await tx.transaction((savepoint) => run(savepoint));
    } catch (error) {
      if (isUniqueViolation(error, 'supervisors_hpr_number_key')) return false;
      throw error;
    }
  },
};
