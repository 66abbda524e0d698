import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { plannedEndDate } from '@alis/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { seedDemoData } from '../src/db/demo-data.js';
import { EmbeddedDatabaseInUse, lockEmbeddedDatabase } from '../src/db/embedded-lock.js';
import { absences, agreements } from '../src/db/schema.js';
import { buildTestApp, type TestApp } from './support/build-app.js';
import { expectDefined, first } from './support/expect.js';
import { queryRows } from './support/sql.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('seedDemoData', () => {
  it('fills the registry at national scale, deterministically and once', async () => {
    const summary = await seedDemoData(t.database.db, { today: '2026-11-23' });
    expect(summary).toEqual({ registrations: expect.any(Number), doctors: 600, supervisors: 380, agreements: 600, absences: expect.any(Number), supervisions: expect.any(Number) });
    const seeded = expectDefined(summary, 'a summary of what was seeded');
    expect(seeded.registrations).toBeGreaterThan(250);
    expect(seeded.absences).toBeGreaterThan(50);

    // The same seed on another database gives the same registry.
    const other = await buildTestApp();
    try {
      expect(await seedDemoData(other.database.db, { today: '2026-11-23' })).toEqual(summary);
    } finally {
      await other.close();
    }
    expect(await seedDemoData(t.database.db)).toBeNull();
  });

  it('spreads agreements across the country with stored end dates that follow the shared rule', async () => {
    const rows = await t.database.db.select().from(agreements);
    expect(new Set(rows.map((r) => r.kommunenummer)).size).toBeGreaterThan(150);
    const statuses = new Set(rows.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['active', 'completed', 'draft', 'terminated']);

    const withAbsence = await t.database.db.select().from(absences).limit(20);
    for (const absence of withAbsence) {
      const agreement = first(await t.database.db.select().from(agreements).where(eq(agreements.id, absence.agreementId)), 'the absence\'s agreement');
      const all = await t.database.db.select().from(absences).where(eq(absences.agreementId, absence.agreementId));
      expect(agreement.plannedEndDate).toBe(
        plannedEndDate(agreement.startDate, agreement.positionPercent, all.map((a) => ({ from: a.fromDate, to: a.toDate }))),
      );
    }
    const veileders = first(await queryRows<{ n: number }>(t.database, sql`select count(*)::int as n from supervisions where role = 'veileder'`));
    expect(veileders.n).toBeGreaterThan(400);
  });
});

describe('the embedded database is opened by one process at a time', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'alis-lock-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder, naming the first, until the first lets go', () => {
    const folder = path.join(dir, 'plain');
    const lock = lockEmbeddedDatabase(folder);
    const holder: unknown = JSON.parse(readFileSync(`${folder}.lock`, 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    expect(() => lockEmbeddedDatabase(folder)).toThrow(EmbeddedDatabaseInUse);
    expect(() => lockEmbeddedDatabase(folder)).toThrow(new RegExp(`in use by another process \\(pid ${process.pid}\\b`));
    lock.release();
    lock.release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
    lockEmbeddedDatabase(folder).release();
  });

  it('takes over a lock whose process is gone, but not one whose process runs', async () => {
    const folder = path.join(dir, 'stale');
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = expectDefined(child.pid);
    await new Promise((resolve) => child.once('exit', resolve));
    const lockFile = `${folder}.lock`;
    writeFileSync(lockFile, JSON.stringify({ pid: deadPid, hostname: os.hostname(), since: '2026-01-01T00:00:00Z', command: 'crashed', processStart: null, token: 'gone' }));
    const lock = lockEmbeddedDatabase(folder);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();

    // A live process (this one's parent) holds it: refused, and the file is left as it was.
    const live = JSON.stringify({ pid: process.ppid, hostname: os.hostname(), since: '2026-01-01T00:00:00Z', command: 'pnpm start', processStart: null, token: 'live' });
    writeFileSync(lockFile, live);
    expect(() => lockEmbeddedDatabase(folder)).toThrow(/pnpm start/);
    expect(readFileSync(lockFile, 'utf8')).toBe(live);
    rmSync(lockFile);
    // Garbage in the file (say, from an older version) does not block for ever.
    writeFileSync(lockFile, 'not json');
    lockEmbeddedDatabase(folder).release();
  });

  it('refuses to open the embedded engine on files another engine has open', async () => {
    const folder = path.join(dir, 'engine', 'pglite');
    const database = await openDatabase({ embeddedDataDir: folder });
    try {
      await expect(openDatabase({ embeddedDataDir: folder })).rejects.toThrow(EmbeddedDatabaseInUse);
    } finally {
      await database.close();
    }
    expect(existsSync(`${folder}.lock`)).toBe(false);
    const again = await openDatabase({ embeddedDataDir: folder });
    await again.close();
  }, 60_000);
});
