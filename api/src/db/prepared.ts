import { Column, SQL, Subquery, eq, fillPlaceholders, is, noopDecoder, sql } from 'drizzle-orm';
import { NodePgPreparedQuery } from 'drizzle-orm/node-postgres';
import type { Executor } from './client.js';
import { type LeanStatement, type Queryable, runLean } from './lean-execution.js';

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

/** `column = value` for each of `columns` the filter gives a value for (not undefined, null or ''), bound under its key. */
export function equalToGiven<F extends object>(filter: F, bind: Bind, columns: { [K in keyof F]?: Column }): SQL[] {
  return (Object.keys(columns) as (keyof F & string)[]).flatMap((key) => {
    const value: unknown = filter[key];
    const column = columns[key];
    return value === undefined || value === null || value === '' || !column ? [] : [eq(column, bind(key))];
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
 * transaction (a handle of its own) the statement is built for that transaction. A select of plain
 * columns gets a compiled row mapper, and on PostgreSQL runs as a `LeanExecution`.
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
    if (useCompiledRowMapper(statement)) runLeanOnNodePostgres(statement);
    byName.set(name, statement);
  }
  return statement;
}

type Decoder = { mapFromDriverValue(value: unknown): unknown };
/** What drizzle's prepared query (node-postgres and PGlite alike) keeps of a select: its columns in order, and how it maps rows. */
interface DrizzleSelectStatement {
  fields?: { path: string[]; field: unknown }[];
  customResultMapper?: (rows: unknown[][]) => unknown;
}

/** drizzle's own choice of decoder (`mapResultRow`); an SQL fragment's decoder is internal to drizzle. */
function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field;
  const fragment = is(field, SQL) ? field : is(field, Subquery) ? field._.sql : (field as SQL.Aliased).sql;
  return (fragment as unknown as { decoder: Decoder }).decoder;
}

/**
 * drizzle maps each row of a select by walking its columns and asking each, for each row, what kind
 * of field it is (`mapResultRow`): on a page of 50 municipalities that was a tenth of the request's
 * CPU. For a select of plain columns (no nested objects, so no left-join nulling) the mapping is
 * worked out once per statement: names and decoders in order, decoders that change nothing left out.
 * It is given to drizzle as the statement's result mapper, which drizzle calls with the rows as arrays.
 */
function useCompiledRowMapper(statement: unknown): boolean {
  const select = statement as DrizzleSelectStatement;
  const fields = select.fields;
  if (!fields || select.customResultMapper || fields.some(({ path }) => path.length !== 1)) return false;
  const decoders = fields.map(({ field }) => {
    const decoder = decoderOf(field);
    const identity = decoder === noopDecoder || decoder.mapFromDriverValue === Column.prototype.mapFromDriverValue;
    return identity ? null : decoder;
  });
  // One object literal of the select's names, so that every row gets its shape at once (setting the
  // names one by one in a loop measured 7 % more CPU on a page of municipalities). Built from the
  // select's own keys, quoted by JSON.stringify, and indexes: no value from outside the code.
  const properties = fields.map(({ path }, index) => {
    const value = `row[${index}]`;
    const decoded = decoders[index] ? `(${value} == null ? ${value} : decoders[${index}].mapFromDriverValue(${value}))` : value;
    return `${JSON.stringify(path[0])}: ${decoded}`;
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
  const mapRow = new Function('decoders', `return (row) => ({ ${properties.join(', ')} });`)(decoders) as (row: unknown[]) => unknown;
  select.customResultMapper = (rows) => rows.map(mapRow);
  return true;
}

/**
 * What drizzle's node-postgres prepared query keeps (not in its types): where it runs, its values'
 * order, its SQL and name. test/prepared.test.ts fails if a drizzle upgrade moves them.
 */
interface NodePgStatement {
  client: Queryable;
  params: unknown[];
  queryConfig: { name?: string; text: string; types: { getTypeParser: LeanStatement['typeParser'] } };
  customResultMapper: (rows: unknown[][]) => unknown;
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

/**
 * On PostgreSQL, a mapped select runs through `runLean` (see there: about a third less of the CPU a
 * small statement costs in Node), with drizzle's own values, SQL, name and column parsers. PGlite keeps
 * drizzle's execute.
 */
function runLeanOnNodePostgres(statement: unknown) {
  if (!is(statement, NodePgPreparedQuery)) return;
  const query = statement as unknown as NodePgStatement;
  const { name, text, types } = query.queryConfig;
  if (!name) return;
  const lean: LeanStatement = { name, text, typeParser: types.getTypeParser };
  const mapRows = query.customResultMapper;
  query.execute = async (values = {}) => mapRows(await runLean(query.client, lean, fillPlaceholders(query.params, values)));
}
