import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import type { Config } from '../config.js';
import { lockEmbeddedDatabase } from './embedded-lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What a repo runs its queries on: the database or an open transaction. */
export type Executor = Db | Tx;

/** The row a `select(columns)` gives: each column's type, nullable unless the column is not null. */
export type RowOf<C extends Record<string, { _: { notNull: boolean; data: unknown } }>> = {
  [K in keyof C]: C[K]['_']['notNull'] extends true ? C[K]['_']['data'] : C[K]['_']['data'] | null;
};

/** What an update may set on a table: some of the named columns. */
export type ChangesOf<T extends { $inferInsert: object }, K extends keyof T['$inferInsert']> = Partial<Pick<T['$inferInsert'], K>>;

export interface Database {
  readonly db: Db;
  readonly kind: 'postgres' | 'embedded';
  /** Plain SQL for libraries that bring their own (the job queue); several statements when no values. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** Runs `fn` holding a session-level advisory lock, on one connection. */
  withAdvisoryLock<T>(lockId: number, fn: (db: Db) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Folder for the embedded engine's files; `memory://` keeps it in memory (tests). */
  embeddedDataDir?: string;
  poolSize?: number;
}

/**
 * PostgreSQL's default (4) prices a random read at four sequential ones, as on a spinning disk. The
 * registry's tables fit in memory many times over, where the two cost alike; priced at 4, the
 * statements that look a page's ids up (`= any($1)`: registration periods, supervisions, open
 * agreements, shares) ran as sequential scans of the whole table while it was small (national size:
 * 600 agreements), comparing each row with every id of the page, so that a page's cost grew with the
 * table until the planner switched to the index at about ten times that. 1.1 is the usual setting
 * for data in memory or on SSD; it makes them index lookups at every size.
 */
const RANDOM_PAGE_COST = 1.1;

/** The database the configuration names (`DATABASE_URL` and `DATABASE_POOL_SIZE`, else the embedded one in `DATA_DIR`): the server's and the CLIs'. */
export const openConfiguredDatabase = (config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATA_DIR'>): Promise<Database> =>
  openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, embeddedDataDir: path.join(config.DATA_DIR, 'pglite') });

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openEmbedded(options.embeddedDataDir ?? 'memory://');
}

function openPostgres(connectionString: string, max: number): Database {
  // No JIT: the reports' and the worklist's statements are estimated above PostgreSQL's jit_above_cost
  // at national size, and compiling them took about 200 ms, ten times what running them takes.
  // Generic plans for named statements: each is one query shape with a placeholder for every value
  // (prepared.ts), and PostgreSQL otherwise plans a statement anew on every call while it expects the
  // call's own values to give a cheaper plan. For a page (`limit $n`) it does once an office holds
  // more than ten pages' worth of rows: the generic plan's estimate is a tenth of the rows, the custom
  // one the page. At scale 10 that re-planned the supervisors' page on every call (0.2 ms, as long as
  // running it) for the same plan. Unnamed statements are planned with their values as before.
  // Random reads priced near sequential ones (RANDOM_PAGE_COST): see there. (An `options` parameter in
  // DATABASE_URL replaces these.)
  const pool = new pg.Pool({
    connectionString,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    options: `-c jit=off -c plan_cache_mode=force_generic_plan -c random_page_cost=${RANDOM_PAGE_COST}`,
  });
  // A connection the server drops (restart, failover, pg_terminate_backend) emits 'error'. Unheard,
  // that event ends the process, and the pool listens only while a connection is idle: listen on
  // every connection for its whole life. The query running on it fails on its own and is answered
  // 503; the pool replaces the connection.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    executeSql: (text, values) => pool.query(text, values),
    async withAdvisoryLock(lockId, fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [lockId]);
        try {
          return await fn(drizzlePg(client, { schema, casing: 'snake_case' }));
        } finally {
          await client.query('select pg_advisory_unlock($1)', [lockId]);
        }
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const onDisk = !dataDir.startsWith('memory://');
  if (onDisk) mkdirSync(path.dirname(dataDir), { recursive: true });
  // One process at a time on the files (embedded-lock.ts): a second engine would damage them.
  const lock = onDisk ? lockEmbeddedDatabase(dataDir) : null;
  const client = await PGlite.create(dataDir)
    .then(async (engine) => {
      // One session for the whole process, so a SET holds for every statement.
      await engine.exec(`set random_page_cost = ${RANDOM_PAGE_COST}`);
      return engine;
    })
    .catch((error: unknown) => {
      lock?.release();
      throw error;
    });
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'embedded',
    async executeSql(text, values = []) {
      // The engine takes parameters for one statement only; a script without them runs whole.
      if (values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    // One embedded engine serves one process: its single connection is the lock.
    withAdvisoryLock: (_lockId, fn) => fn(db),
    async ping() {
      await client.query('select 1');
    },
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
