import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { type Database, openConfiguredDatabase } from './client.js';
import { seedDemoData } from './demo-data.js';
import { MAX_DEMO_SCALE } from './demo-generate.js';
import { EmbeddedDatabaseInUse } from './embedded-lock.js';
import { migrateAndSeed } from './migrate.js';

/**
 * `pnpm seed:demo [--scale N]`: adds deterministic demo data to the configured database, merged
 * with what is there (see seedDemoData). Refuses, changing nothing, while another process (a
 * running server) has the embedded database open.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_DEMO_SCALE) {
    console.error(`--scale must be a whole number from 1 to ${MAX_DEMO_SCALE}`);
    return 2;
  }
  const config = loadConfig();
  let database: Database;
  try {
    database = await openConfiguredDatabase(config);
  } catch (error) {
    if (error instanceof EmbeddedDatabaseInUse) {
      console.error(`seed:demo: nothing changed. ${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    await migrateAndSeed(database, { migrationsDir: config.MIGRATIONS_DIR, seedDir: config.SEED_DIR });
    const started = Date.now();
    const summary = await seedDemoData(database.db, { scale });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (summary) {
      const { kept, ...added } = summary;
      console.log(`Demo data at scale ${scale} added to the ${database.kind} database in ${seconds} s:`, added);
      if (kept.registrations + kept.doctors + kept.supervisors > 0) console.log('Left as they were (already there):', kept);
    } else {
      console.log(`Demo data at scale ${scale} is already there; nothing changed.`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
