import { loadConfig } from '../config.js';
import { type Database, openConfiguredDatabase } from './client.js';
import { EmbeddedDatabaseInUse } from './embedded-lock.js';
import { migrateAndSeed } from './migrate.js';

/** `pnpm db:migrate`: applies migrations and reference data, then exits. */
const config = loadConfig();
let database: Database;
try {
  database = await openConfiguredDatabase(config);
} catch (error) {
  // Another process holds the embedded database: say so plainly, not with a stack trace.
  if (!(error instanceof EmbeddedDatabaseInUse)) throw error;
  console.error(`db:migrate: nothing changed. ${error.message}`);
  process.exit(1);
}
try {
  await migrateAndSeed(database, { migrationsDir: config.MIGRATIONS_DIR, seedDir: config.SEED_DIR });
  console.log(`Migrations and reference data are up to date (${database.kind} database).`);
} finally {
  await database.close();
}
