import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { migrateAndSeed } from './migrate.js';

/** `pnpm db:migrate`: applies migrations and reference data, then exits. */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, embeddedDataDir: path.join(config.DATA_DIR, 'pglite') });
try {
  await migrateAndSeed(database, { migrationsDir: config.MIGRATIONS_DIR, seedDir: config.SEED_DIR });
  console.log(`Migrations and reference data are up to date (${database.kind} database).`);
} finally {
  await database.close();
}
