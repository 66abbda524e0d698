import { EXACT_TOTAL_UP_TO, type SortValue, type Total, sortOf } from '@alis/shared';
import { type AnyColumn, type SQL, asc, desc, eq, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Executor } from '../db/client.js';
import { inOneRoundTrip } from '../db/lean-execution.js';
import { type Bind, inline, placeholders, prepared } from '../db/prepared.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/**
 * A list's total: the rows `matching` gives (a `select 1 from … where …`, without order or limit),
 * counted exactly up to EXACT_TOTAL_UP_TO, so that the count costs at most that many index entries
 * whatever the table holds; above it PostgreSQL's estimate of the same query (never below the bound).
 * `statement` names the prepared statement: one name per shape of the query.
 */
export async function totalOf(
  db: Executor,
  statement: string,
  matching: (bind: Bind) => PgSelect,
  values: Readonly<Record<string, unknown>>,
): Promise<Total> {
  const [row] = await prepared(db, statement, (name) =>
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(matching(placeholders).limit(EXACT_TOTAL_UP_TO + 1).as('matching'))
      .prepare(name),
  ).execute({ ...values });
  const count = row?.n ?? 0;
  if (count <= EXACT_TOTAL_UP_TO) return { count, exact: true };
  const result: unknown = await db.execute(sql`explain (format json) ${matching(inline(values))}`);
  const [first] = (result as { rows: Record<string, unknown>[] }).rows;
  const plan = first ? (Object.values(first)[0] as [{ Plan?: { 'Plan Rows'?: number } }] | string | undefined) : undefined;
  const parsed = typeof plan === 'string' ? (JSON.parse(plan) as [{ Plan?: { 'Plan Rows'?: number } }]) : plan;
  const estimate = Math.round(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
  return { count: Math.max(estimate, EXACT_TOTAL_UP_TO + 1), exact: false };
}

/**
 * A page's rows and its list's total, asked for together: in one round trip to PostgreSQL when both
 * are lean prepared statements (`inOneRoundTrip`), where one after the other took two.
 */
export function rowsAndTotal<R>(rows: () => Promise<R>, total: () => Promise<Total>): Promise<[R, Total]> {
  return inOneRoundTrip(() => Promise.all([rows(), total()]));
}

/** The select list of a `matching` query for totalOf. */
export const ONE = sql<number>`1`.as('one');

/** A page as a repo reads it: the sort (part of the statement's shape), its order, where it starts, how many rows. */
export interface ListPage<K extends string> {
  sort: SortValue<K>;
  orderBy: SQL[];
  /** The keyset condition, with placeholders `after0`, `after1` …; undefined on the first page. */
  after: SQL | undefined;
  /** The values of those placeholders, and the `limit`. */
  values: Record<string, unknown>;
}

/** A list's sort orders: for each key, the columns in order, the last one unique (it breaks ties). */
export type SortColumns<K extends string> = Record<K, readonly (AnyColumn | SQL)[]>;

/** What does not change from request to request for one sort of a list: its order, the keyset condition, the cursor's schema. */
interface SortShape {
  orderBy: SQL[];
  after: SQL;
  cursor: z.ZodType<{ s: string; v: (string | number)[] }>;
}

const shapes = new WeakMap<object, Map<string, SortShape>>();

/** Built once per list and sort, not per request (the SQL is only read when a statement is first prepared). */
function shapeOf<K extends string>(sort: SortValue<K>, columns: SortColumns<K>): SortShape {
  let bySort = shapes.get(columns);
  if (!bySort) {
    bySort = new Map();
    shapes.set(columns, bySort);
  }
  let shape = bySort.get(sort);
  if (!shape) {
    const { key, descending } = sortOf<K>(sort);
    const ordered = columns[key];
    shape = {
      orderBy: ordered.map((column) => (descending ? desc(column) : asc(column))),
      // After the cursor's row: one row comparison, which an index in the same order serves. Each
      // parameter is cast to its column's type, so that the prepared statement's parameters get theirs.
      after: sql`(${sql.join([...ordered], sql`, `)}) ${descending ? sql`<` : sql`>`} (${sql.join(
        ordered.map((column, index) => sql`${sql.placeholder(`after${index}`)}::${sql.raw(castOf(column))}`),
        sql`, `,
      )})`,
      cursor: z.object({ s: z.literal(sort), v: z.array(z.union([z.string().max(200), z.number()])).length(ordered.length) }),
    };
    bySort.set(sort, shape);
  }
  return shape;
}

/** Keyset paging over one sort: the order, where a page after a cursor starts, and its cursor. */
export function keyset<K extends string, Row>(
  sort: SortValue<K>,
  columns: SortColumns<K>,
  cursor: string | undefined,
  positionOf: Record<K, (row: Row) => readonly (string | number)[]>,
  limit: number,
): ListPage<K> & { cursorOf: (row: Row) => string } {
  const shape = shapeOf(sort, columns);
  const values = decodeCursor(cursor, shape.cursor)?.v;
  const position = positionOf[sortOf<K>(sort).key];
  return {
    sort,
    orderBy: shape.orderBy,
    after: values ? shape.after : undefined,
    values: { limit, ...Object.fromEntries((values ?? []).map((value, index) => [`after${index}`, value])) },
    cursorOf: (row: Row) => encodeCursor({ s: sort, v: position(row) }),
  };
}

/** The SQL type of a sort column, for its parameter's cast. */
function castOf(column: AnyColumn | SQL | undefined): string {
  if (!column || !('columnType' in column)) return 'text';
  switch (column.columnType) {
    case 'PgUUID':
      return 'uuid';
    case 'PgDateString':
    case 'PgDate':
      return 'date';
    case 'PgTimestamp':
    case 'PgTimestampString':
      return 'timestamptz';
    case 'PgInteger':
    case 'PgSmallInt':
      return 'integer';
    case 'PgBigSerial64':
    case 'PgBigInt64':
      return 'bigint';
    default:
      return 'text';
  }
}

/**
 * `column = any($1)` with the values as one array parameter: the statement's text is the same for
 * any number of values, so it can be prepared once (`in (...)` has one parameter per value).
 */
export const anyOf = (column: AnyColumn, values: SQL, type: 'text' | 'uuid') => sql`${column} = any(${values}::${sql.raw(type)}[])`;

/**
 * `anyOf` with a statement of its own for one value: `column = $1` when there is one (prepared as
 * `<statement>_one`), `column = any($1)` otherwise, and the `value` to bind (the one, or the array).
 * PostgreSQL plans a prepared `= any($1)` anew on every call while it expects a plan for the call's own
 * array to beat a generic one, which it does for an array of one; `= $1` keeps its generic plan.
 */
export function oneOrAnyOf(statement: string, column: AnyColumn, values: readonly string[], type: 'text' | 'uuid') {
  const one = values.length === 1;
  return {
    name: one ? `${statement}_one` : statement,
    condition: (value: SQL) => (one ? eq(column, value) : anyOf(column, value, type)),
    value: one ? values[0] : values,
  };
}

/** A short, stable name for a prepared statement of one query shape (PostgreSQL keeps 63 bytes of a name). */
export function statementName(base: string, shape: readonly (string | number | boolean | null | undefined)[]): string {
  let hash = 0x811c9dc5;
  const text = shape.map((part) => (part === undefined || part === null ? '-' : String(part))).join('|');
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${base}_${(hash >>> 0).toString(36)}`;
}
