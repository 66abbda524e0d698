import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { seedDemoData } from './demo-data.js';
import { migrateAndSeed } from './migrate.js';

/** `pnpm seed:demo [--scale N]`: fills the configured database with deterministic demo data. */
const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 1 || scale > 100) {
  console.error('--scale must be a whole number from 1 to 100');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, embeddedDataDir: path.join(config.DATA_DIR, 'pglite') });
try {
  await migrateAndSeed(database, { migrationsDir: config.MIGRATIONS_DIR, seedDir: config.SEED_DIR });
  const summary = await seedDemoData(database.db, { scale });
  if (summary) console.log(`Demo data added (${database.kind} database):`, summary);
  else console.log('Demo data is already there; nothing changed.');
} finally {
  await database.close();
}
