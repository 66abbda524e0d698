import { type Column, type SQL, eq, sql } from 'drizzle-orm';
import type { Executor } from './client.js';

/**
 * Where a query's values go. Hot queries are built once with `placeholders` and kept as prepared
 * statements; the same builder with `inline(values)` gives the query with its values in it (for an
 * EXPLAIN, which cannot be prepared).
 */
export type Bind = (name: string) => SQL;

export const placeholders: Bind = (name) => sql`${sql.placeholder(name)}`;

export const inline =
  (values: Readonly<Record<string, unknown>>): Bind =>
  (name) => {
    if (!(name in values)) throw new RangeError(`no value for ${name}`);
    return sql`${sql.param(values[name])}`;
  };

/** `column = value` for each of `columns` the filter gives a value for (not undefined, not ''), bound under its key. */
export function equalToGiven<F extends object>(filter: F, bind: Bind, columns: { [K in keyof F]?: Column }): SQL[] {
  return (Object.keys(columns) as (keyof F & string)[]).flatMap((key) => {
    const value: unknown = filter[key];
    const column = columns[key];
    return value === undefined || value === '' || !column ? [] : [eq(column, bind(key))];
  });
}

interface Runnable<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

const statements = new WeakMap<Executor, Map<string, Runnable<unknown>>>();

/**
 * A named prepared statement, built by drizzle once per database handle and name, then run with its
 * values: no query is built per request, and PostgreSQL parses and plans each statement once per
 * connection. `build` gets the name to prepare under and binds every value with `placeholders`;
 * one name must always build the same SQL (name each shape of a query: `statementName`). Inside a
 * transaction (a handle of its own) the statement is built for that transaction.
 */
export function prepared<R>(db: Executor, name: string, build: (name: string) => Runnable<R>): Runnable<R> {
  let byName = statements.get(db);
  if (!byName) {
    byName = new Map();
    statements.set(db, byName);
  }
  let statement = byName.get(name) as Runnable<R> | undefined;
  if (!statement) {
    statement = build(name);
    byName.set(name, statement);
  }
  return statement;
}
