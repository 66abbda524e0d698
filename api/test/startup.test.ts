import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StartupError, ensureFirstAdmin, prepareDatabase, resolveJwtSecret } from '../src/bootstrap.js';
import { type Config, ConfigError, parseConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { migrateAndSeed } from '../src/db/migrate.js';
import { verifyPassword } from '../src/lib/secrets.js';
import { copyTemplateDatabase, createTestDatabase } from './support/build-app.js';
import { expectDefined, first } from './support/expect.js';
import { MIGRATIONS_DIR, SEED_DIR } from './support/global-setup.js';
import { queryRows } from './support/sql.js';
import { TEST_DATABASE_URL, withDatabase } from './support/test-env.js';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alis-startup-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const dirs = { migrationsDir: MIGRATIONS_DIR, seedDir: SEED_DIR };
const modeOf = (file: string) => statSync(file).mode & 0o777;

const rows = <T>(database: Database, query: SQL) => queryRows<T>(database, query);
const countOf = async (database: Database, table: string) =>
  Number((await rows<{ n: number | string }>(database, sql.raw(`select count(*) as n from ${table}`)))[0]?.n);

function configError(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('parseConfig', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      CORS_ORIGINS: [],
      TRUST_PROXY: false,
      API_RATE_LIMIT_PER_MINUTE: 1200,
      ACCESS_TOKEN_TTL_SECONDS: 900,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.JWT_SECRET).toBeUndefined();
    expect(path.isAbsolute(config.DATA_DIR)).toBe(true);
    expect(path.basename(config.DATA_DIR)).toBe('data');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads numbers, lists and flags from their text', () => {
    const config = parseConfig({
      PORT: '8080',
      DATA_DIR: '/var/lib/alis',
      CORS_ORIGINS: ' https://hr.example.no , https://admin.example.no,, ',
      TRUST_PROXY: 'true',
    });
    expect(config.PORT).toBe(8080);
    expect(config.DATA_DIR).toBe('/var/lib/alis');
    expect(config.CORS_ORIGINS).toEqual(['https://hr.example.no', 'https://admin.example.no']);
    expect(config.TRUST_PROXY).toBe(true);
  });

  it('treats empty values as unset', () => {
    const config = parseConfig({ DATABASE_URL: '', JWT_SECRET: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.ADMIN_EMAIL).toBeUndefined();
  });

  it('needs JWT_SECRET with DATABASE_URL, and names it', () => {
    expect(configError({ DATABASE_URL: 'postgres://alis@db:5432/alis' })).toMatch(/JWT_SECRET/);
    const config = parseConfig({ DATABASE_URL: 'postgres://alis@db:5432/alis', JWT_SECRET: 'x'.repeat(32) });
    expect(config.DATABASE_URL).toBe('postgres://alis@db:5432/alis');
  });

  it('refuses a short JWT_SECRET', () => {
    expect(configError({ JWT_SECRET: 'x'.repeat(31) })).toMatch(/JWT_SECRET.*32/);
  });

  it('needs ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(configError({ ADMIN_EMAIL: 'admin@example.no' })).toMatch(/ADMIN_PASSWORD/);
    expect(configError({ ADMIN_PASSWORD: 'a long enough password' })).toMatch(/ADMIN_PASSWORD|ADMIN_EMAIL/);
    expect(configError({ ADMIN_EMAIL: 'admin@example.no', ADMIN_PASSWORD: 'short' })).toMatch(/ADMIN_PASSWORD.*12/);
    expect(configError({ ADMIN_EMAIL: 'admin', ADMIN_PASSWORD: 'a long enough password' })).toMatch(/ADMIN_EMAIL/);
  });

  it('sizes the PostgreSQL pool from DATABASE_POOL_SIZE, 10 unless set, and refuses a size it cannot use', () => {
    expect(parseConfig({}).DATABASE_POOL_SIZE).toBe(10);
    expect(parseConfig({ DATABASE_POOL_SIZE: '4' }).DATABASE_POOL_SIZE).toBe(4);
    for (const size of ['0', '2.5', 'four', '201']) expect(configError({ DATABASE_POOL_SIZE: size })).toContain('DATABASE_POOL_SIZE');
  });

  it('refuses malformed values and lists every problem at once', () => {
    const message = configError({ PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud', TRUST_PROXY: 'yes' });
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'TRUST_PROXY']) expect(message).toContain(name);
    expect(configError({ PORT: '70000' })).toContain('PORT');
  });
});

describe('resolveJwtSecret', () => {
  it('makes a secret once, keeps it readable by the owner only, and returns it again', () => {
    const dataDir = path.join(tempDir(), 'not', 'yet', 'there');
    const config = parseConfig({ DATA_DIR: dataDir });
    const secret = resolveJwtSecret(config);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, 'jwt-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(resolveJwtSecret(config)).toBe(secret);
    expect(resolveJwtSecret(parseConfig({ DATA_DIR: dataDir }))).toBe(secret);
  });

  it('uses a configured secret and writes nothing', () => {
    const dataDir = tempDir();
    expect(resolveJwtSecret(parseConfig({ DATA_DIR: dataDir, JWT_SECRET: 's'.repeat(40) }))).toBe('s'.repeat(40));
    expect(existsSync(path.join(dataDir, 'jwt-secret'))).toBe(false);
  });

  it('refuses to make one up for a shared database', () => {
    const dataDir = tempDir();
    const config: Readonly<Config> = { ...parseConfig({ DATA_DIR: dataDir }), DATABASE_URL: 'postgres://alis@db/alis' };
    expect(() => resolveJwtSecret(config)).toThrow(StartupError);
    expect(existsSync(path.join(dataDir, 'jwt-secret'))).toBe(false);
  });
});

describe('ensureFirstAdmin', () => {
  it('creates the admin from ADMIN_EMAIL and ADMIN_PASSWORD when no user exists, once', async () => {
    const database = await createTestDatabase();
    try {
      const config = parseConfig({ DATA_DIR: tempDir(), ADMIN_EMAIL: 'First.Admin@Example.NO', ADMIN_PASSWORD: 'first admin password' });
      const note = await ensureFirstAdmin(config, database);
      expect(note).toContain('First.Admin@Example.NO');
      expect(note).not.toContain('first admin password');

      const users = await rows<{ email: string; role: string; password_hash: string; active: boolean }>(
        database,
        sql`select email, role, password_hash, active from users`,
      );
      expect(users).toHaveLength(1);
      const [admin] = users;
      expect(admin).toMatchObject({ email: 'first.admin@example.no', role: 'admin', active: true });
      expect(await verifyPassword(expectDefined(admin, 'the admin').password_hash, 'first admin password')).toBe(true);
      const audit = await rows<{ actor_type: string; action: string }>(database, sql`select actor_type, action from audit_log where entity_type = 'user'`);
      expect(audit).toEqual([{ actor_type: 'system', action: 'user.created' }]);

      expect(await ensureFirstAdmin(config, database)).toBeNull();
      const other = parseConfig({ DATA_DIR: tempDir(), ADMIN_EMAIL: 'second@example.no', ADMIN_PASSWORD: 'second admin password' });
      expect(await ensureFirstAdmin(other, database)).toBeNull();
      expect(await countOf(database, 'users')).toBe(1);
    } finally {
      await database.close();
    }
  });

  it('on the embedded engine without ADMIN_*, writes a generated password to the data folder', async () => {
    const database = await openDatabase({ embeddedDataDir: 'memory://' });
    try {
      await migrateAndSeed(database, dirs);
      const dataDir = tempDir();
      const config = parseConfig({ DATA_DIR: dataDir });

      // A shared PostgreSQL never gets a made-up admin: it must be configured.
      const asPostgres: Database = { ...database, kind: 'postgres' };
      await expect(ensureFirstAdmin(config, asPostgres)).rejects.toThrow(StartupError);
      await expect(ensureFirstAdmin(config, asPostgres)).rejects.toThrow(/ADMIN_EMAIL/);
      expect(await countOf(database, 'users')).toBe(0);

      const note = await ensureFirstAdmin(config, database);
      const file = path.join(dataDir, 'initial-admin.txt');
      const text = await readFile(file, 'utf8');
      const match = /^e-mail: (\S+)\npassword: (\S+)\n$/.exec(text);
      expect(match).not.toBeNull();
      const email = expectDefined(match?.[1], 'the e-mail in the file');
      const password = expectDefined(match?.[2], 'the password in the file');
      expect(password.length).toBeGreaterThanOrEqual(16);
      expect(modeOf(file)).toBe(0o600);
      expect(note).toContain(file);
      expect(note).not.toContain(password);

      const user = first(await rows<{ email: string; role: string; password_hash: string }>(database, sql`select email, role, password_hash from users`));
      expect(user).toMatchObject({ email, role: 'admin' });
      expect(await verifyPassword(user.password_hash, password)).toBe(true);

      // Later starts leave the admin and the file alone.
      expect(await ensureFirstAdmin(config, database)).toBeNull();
      expect(await ensureFirstAdmin(config, asPostgres)).toBeNull();
      expect(await readFile(file, 'utf8')).toBe(text);
      expect(await countOf(database, 'users')).toBe(1);
    } finally {
      await database.close();
    }
  });
});

describe('migrations and reference data', () => {
  const journal = z.object({ entries: z.array(z.unknown()) }).parse(JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')));

  async function expectReferenceData(database: Database) {
    expect(await countOf(database, 'municipalities')).toBe(357);
    expect(await countOf(database, 'offices')).toBe(6);
    expect(await countOf(database, 'counties')).toBe(15);
    expect(await countOf(database, 'drizzle.__drizzle_migrations')).toBe(journal.entries.length);
  }

  it('can run again and again, keeping what the offices changed', async () => {
    const database = await createTestDatabase();
    try {
      await expectReferenceData(database);
      await database.db.execute(sql`
        update municipalities
           set office_code = 'nord', population = 123, organisation_number = '974760673', name = 'Renamed by hand'
         where kommunenummer = '5001'`);

      await migrateAndSeed(database, dirs);
      await migrateAndSeed(database, dirs);

      await expectReferenceData(database);
      const [trondheim] = await rows<Record<string, unknown>>(
        database,
        sql`select office_code, population, organisation_number, name, short_name from municipalities where kommunenummer = '5001'`,
      );
      // The office's master data stays; names follow the reference files.
      expect(trondheim).toEqual({
        office_code: 'nord',
        population: 123,
        organisation_number: '974760673',
        name: 'Trondheim - Tråante',
        short_name: 'Trondheim',
      });
    } finally {
      await database.close();
    }
  });

  // The embedded engine is one session whatever the setting: this one runs on PostgreSQL only.
  it.skipIf(!TEST_DATABASE_URL)('opens at most DATABASE_POOL_SIZE connections to PostgreSQL', async () => {
    const url = expectDefined(await copyTemplateDatabase());
    const database = await prepareDatabase(parseConfig({ DATABASE_URL: url, JWT_SECRET: 'x'.repeat(32), DATABASE_POOL_SIZE: '2' }));
    try {
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => database.executeSql('select pg_backend_pid() as pid from pg_sleep(0.05)', [])),
      );
      expect(new Set(answers.map((answer) => (answer.rows[0] as { pid: number }).pid)).size).toBe(2);
    } finally {
      await database.close();
    }
  });

  it.skipIf(TEST_DATABASE_URL)('keeps embedded data in the data folder across restarts', async () => {
    const config = parseConfig({ DATA_DIR: tempDir() });
    const first = await prepareDatabase(config);
    await first.db.execute(sql`update municipalities set population = 4242 where kommunenummer = '0301'`);
    await first.close();

    const second = await prepareDatabase(config);
    try {
      await expectReferenceData(second);
      const [oslo] = await rows<{ population: number }>(second, sql`select population from municipalities where kommunenummer = '0301'`);
      expect(oslo?.population).toBe(4242);
    } finally {
      await second.close();
    }
  });

  it.runIf(TEST_DATABASE_URL)('lets several instances migrate a new PostgreSQL database at once', async () => {
    const url = expectDefined(TEST_DATABASE_URL, 'DATABASE_URL');
    const name = `alis_test_concurrent_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
      const instances = await Promise.all(
        [1, 2, 3].map(() => openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 2 })),
      );
      try {
        await Promise.all(instances.map((database) => migrateAndSeed(database, dirs)));
        await expectReferenceData(first(instances));
      } finally {
        await Promise.all(instances.map((database) => database.close()));
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
