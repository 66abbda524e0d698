// What the bare handlers are made of: a pg pool like the API's, a way to run a statement (named
// prepared by default), and the JSON views the API answers with, built from rows with plain code.
// Used by bare-server.ts (the baseline process) and by run.ts (to check each handler's SQL
// against the API's before measuring).
import pg from 'pg';
import { type LeanStatement, inOneRoundTrip, runLean } from '../src/db/lean-execution.js';

/** One statement of a bare handler: the API's SQL text, and a name for preparing it. */
export interface BareStatement {
  name: string;
  text: string;
  /** The API sends this one as a named prepared statement too (run.ts checks it). */
  apiPrepares?: boolean;
}

/**
 * How a bare handler runs a statement: rows as arrays, like drizzle reads them. `together` starts
 * statements that need nothing from each other (a `Promise.all` of runs): at once, on connections of
 * their own; with the lean driver, in one round trip on one connection, as the API sends them.
 */
export type Run = (<R extends unknown[]>(statement: BareStatement, values: readonly unknown[]) => Promise<R[]>) & {
  together<T>(start: () => T): T;
};

/** Who calls: the office user the harness logs in as (the API reads it from the access token). */
export interface BareCaller {
  officeCode: string;
}

export interface BareAnswer {
  status: number;
  body: unknown;
  etag?: string;
}

/**
 * Which statements the bare handler prepares: `named` all of them (the best node:http + pg can do),
 * `as-api` only those the API prepares, so that both send the same protocol messages.
 */
export type PrepareMode = 'named' | 'as-api';

/**
 * How a bare handler sends a statement: `pg`, pg's own Query (what any node:http + pg handler does);
 * `lean`, the API's LeanExecution for its named statements, so that the comparison leaves the driver out.
 */
export type DriverMode = 'pg' | 'lean';
export const driverMode = (value: string | undefined): DriverMode => (value === 'lean' ? 'lean' : 'pg');

// Like drizzle: `date` columns stay 'YYYY-MM-DD' strings (pg would make a local-time Date).
const DATE_OID = 1082;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    return (pg.types.getTypeParser as (oid: number, format?: string) => (value: string) => unknown)(oid, format);
  },
};

export function barePool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000, types });
  pool.on('error', () => undefined);
  return pool;
}

/** Runs statements on `pool`; `record` sees each one as sent (for run.ts's SQL check). */
export function runner(
  pool: pg.Pool,
  mode: PrepareMode,
  record?: (statement: BareStatement, name: string | undefined, values: readonly unknown[]) => void,
  driver: DriverMode = 'pg',
): Run {
  const leanStatements = new Map<string, LeanStatement>();
  const send = async (statement: BareStatement, values: readonly unknown[]): Promise<unknown[][]> => {
    const name = mode === 'named' || statement.apiPrepares ? statement.name : undefined;
    record?.(statement, name, values);
    if (driver === 'lean' && name !== undefined) {
      let lean = leanStatements.get(name);
      if (!lean) {
        lean = { name, text: statement.text, typeParser: (oid, format) => types.getTypeParser(oid, format) };
        leanStatements.set(name, lean);
      }
      return runLean(pool, lean, [...values]);
    }
    const config: pg.QueryArrayConfig = { text: statement.text, values: [...values], rowMode: 'array', ...(name === undefined ? {} : { name }) };
    const result = await pool.query<unknown[]>(config);
    return result.rows;
  };
  // Each handler names the row shape of its statements (drizzle's select list, in order).
  return Object.assign(send as <R extends unknown[]>(statement: BareStatement, values: readonly unknown[]) => Promise<R[]>, {
    together: driver === 'lean' ? inOneRoundTrip : <T>(start: () => T): T => start(),
  });
}

/** The API's opaque list cursor: the last row's sort key, base64url JSON. */
export const cursorOf = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');

/** `{items, nextCursor, total}` from `limit + 1` rows, as the API pages. */
export function page<R, T>(rows: readonly R[], limit: number, view: (row: R) => T, positionOf: (row: R) => unknown, total: { count: number; exact: boolean }) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(view), nextCursor: rows.length > limit && last !== undefined ? cursorOf(positionOf(last)) : null, total };
}

/** The ETag of a versioned resource. */
export const etag = (version: number) => `"v${version}"`;
