import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './client.js';
import { refreshMissingRegistrationPeriods } from '../modules/registrations/registration-periods.js';
import { seedReferenceData } from './seed.js';

/** Chosen once; every instance and `pnpm db:migrate` take the same lock. */
export const MIGRATION_LOCK_ID = 4_219_001;

/**
 * Applies pending migrations and loads reference data, under an advisory lock so that several
 * instances starting at once run them one at a time.
 */
export async function migrateAndSeed(database: Database, options: { migrationsDir: string; seedDir: string }) {
  await database.withAdvisoryLock(MIGRATION_LOCK_ID, async (db) => {
    if (database.kind === 'postgres') {
      await migratePg(db as unknown as NodePgDatabase, { migrationsFolder: options.migrationsDir });
    } else {
      await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder: options.migrationsDir });
    }
    await seedReferenceData(db, options.seedDir);
    // Derived data the SQL migrations cannot compute: the shared rules do.
    await refreshMissingRegistrationPeriods(db);
  });
}
