import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import { inject } from 'vitest';
import app, { fastifyOptions } from '../../src/app.js';
import { type Config, parseConfig } from '../../src/config.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { migrateAndSeed } from '../../src/db/migrate.js';
import { loggerOptions } from '../../src/lib/logger.js';
import { MIGRATIONS_DIR, SEED_DIR } from './global-setup.js';
import { TEST_DATABASE_URL, withDatabase } from './test-env.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

/** A fresh database: a copy of the run's template on PostgreSQL, an in-memory engine otherwise. */
export async function createTestDatabase(): Promise<Database> {
  const url = await copyTemplateDatabase();
  if (url) return openDatabase({ databaseUrl: url, poolSize: 5 });
  const database = await openDatabase({ embeddedDataDir: 'memory://' });
  await migrateAndSeed(database, { migrationsDir: MIGRATIONS_DIR, seedDir: SEED_DIR });
  return database;
}

/** On PostgreSQL, the URL of a new, migrated and seeded database of the test's own; undefined on the embedded engine. */
export async function copyTemplateDatabase(): Promise<string | undefined> {
  const template = inject('templateDatabase');
  if (!TEST_DATABASE_URL || !template) return undefined;
  // Named after the run's template, so the run's teardown finds exactly its own copies.
  const name = `${template}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    // Copies from one template cannot overlap: take turns.
    await admin.query('select pg_advisory_lock(4219002)');
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  return withDatabase(TEST_DATABASE_URL, name);
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Readonly<Config>;
  close(): Promise<void>;
}

export interface BuildTestAppOptions {
  /** Runs before the app plugin is registered, e.g. to add an `onRoute` hook that sees every route. */
  beforeRegister?: (app: FastifyInstance) => void | Promise<void>;
  /** Runs after the app plugin is registered and before `ready()`, e.g. to add a test-only route. */
  beforeReady?: (app: FastifyInstance) => void | Promise<void>;
  /** Another instance on the database of an app already built (left open when this one closes). */
  database?: Database;
  /** Where to write the log, with the server's logger options (otherwise nothing is logged). */
  logStream?: DestinationStream;
}

/** The one way tests build the app: the same plugin and options as the server, on a fresh database. */
export async function buildTestApp(env: Record<string, string> = {}, options: BuildTestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    TOKEN_RATE_LIMIT_PER_MINUTE: '1000',
    API_RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE: '1000',
    INVALID_TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
    LOOKUP_RATE_LIMIT_PER_MINUTE: '100000',
    ADMIN_UI_DIR: '/nonexistent',
    // The job queue runs where a test delivers webhooks (it turns it on).
    JOBS_ENABLED: 'false',
    ...env,
  });
  const instance = Fastify({ ...fastifyOptions(config), logger: options.logStream ? loggerOptions(config, options.logStream) : false });
  if (!options.database) instance.addHook('onClose', () => database.close());
  await options.beforeRegister?.(instance);
  await instance.register(app, { config, database, jwtSecret: TEST_JWT_SECRET });
  await options.beforeReady?.(instance);
  await instance.ready();
  return { app: instance, database, config, close: () => instance.close() };
}
