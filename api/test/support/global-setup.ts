import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { migrateAndSeed } from '../../src/db/migrate.js';
import { TEST_DATABASE_URL, withDatabase } from './test-env.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const MIGRATIONS_DIR = path.join(root, 'migrations');
export const SEED_DIR = path.join(root, 'seed');

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string | null;
  }
}

/**
 * On PostgreSQL, migrates and seeds one template database per run; every test file then gets a
 * fresh copy of it (CREATE DATABASE ... TEMPLATE), which is much faster than migrating each time.
 */
export default async function setup(project: TestProject) {
  if (!TEST_DATABASE_URL) {
    project.provide('templateDatabase', null);
    return;
  }
  const template = `alis_test_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const database = await openDatabase({ databaseUrl: withDatabase(TEST_DATABASE_URL, template), poolSize: 2 });
  await migrateAndSeed(database, { migrationsDir: MIGRATIONS_DIR, seedDir: SEED_DIR });
  await database.close();
  project.provide('templateDatabase', template);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or starts_with(datname, $2)`,
      [template, `${template}_`],
    );
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}
