import { plannedEndDate } from '@alis/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../src/db/demo-data.js';
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
