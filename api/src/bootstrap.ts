import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { type Database, openConfiguredDatabase } from './db/client.js';
import { migrateAndSeed } from './db/migrate.js';
import { randomToken } from './lib/secrets.js';
import { usersRepo } from './modules/users/users.repo.js';
import { ensureFirstAdmin as makeFirstAdmin } from './modules/users/users.service.js';

export class StartupError extends Error {
  override name = 'StartupError';
}

/**
 * The JWT signing secret. With a real database it must be configured (instances share it); the
 * embedded mode makes one on first start and keeps it in the data folder, readable by the owner only.
 */
export function resolveJwtSecret(config: Readonly<Config>): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (config.DATABASE_URL) throw new StartupError('JWT_SECRET is required when DATABASE_URL is set.');
  const file = path.join(config.DATA_DIR, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const secret = randomToken(48);
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

export const INITIAL_ADMIN_FILE = 'initial-admin.txt';
const GENERATED_ADMIN_EMAIL = 'admin@alis.local';

/**
 * Makes the first admin when no user exists. From ADMIN_EMAIL/ADMIN_PASSWORD when set; in embedded
 * mode without them, with a generated password written to a file in the data folder (never logged),
 * so that one command starts a usable system. Returns a line for the log, or null.
 */
export async function ensureFirstAdmin(config: Readonly<Config>, database: Database): Promise<string | null> {
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    const made = await makeFirstAdmin(database.db, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
    return made ? `First admin ${config.ADMIN_EMAIL} created from ADMIN_EMAIL/ADMIN_PASSWORD.` : null;
  }
  if (database.kind === 'postgres') {
    if ((await usersRepo.count(database.db)) === 0) {
      throw new StartupError('No user exists yet: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin.');
    }
    return null;
  }
  const password = randomToken(18);
  const made = await makeFirstAdmin(database.db, { email: GENERATED_ADMIN_EMAIL, password });
  if (!made) return null;
  const file = path.join(config.DATA_DIR, INITIAL_ADMIN_FILE);
  writeFileSync(file, `e-mail: ${GENERATED_ADMIN_EMAIL}\npassword: ${password}\n`, { mode: 0o600 });
  return `First admin ${GENERATED_ADMIN_EMAIL} created; its password is in ${file}. Change it after logging in.`;
}

/** Opens the configured database and brings it up to date (migrations, reference data). */
export async function prepareDatabase(config: Readonly<Config>): Promise<Database> {
  const database = await openConfiguredDatabase(config);
  try {
    await migrateAndSeed(database, { migrationsDir: config.MIGRATIONS_DIR, seedDir: config.SEED_DIR });
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
