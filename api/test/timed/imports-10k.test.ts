import { describe, expect, it } from 'vitest';
import { useCast } from '../support/cast.js';
import { IMPORT_HEADER, agreementsIn, importOk } from '../support/imports.js';
import { needsPostgres } from '../support/server-process.js';

// A timed test: `pnpm test` runs the files in test/timed/ after the others, alone, so that what it
// measures is the import and not the other test files sharing the machine's two cores.
useCast();

if (needsPostgres) console.info('imports-10k.test.ts skipped: it measures PostgreSQL, which production runs (set DATABASE_URL).');

describe('POST /api/v1/imports, timed', () => {
  it.skipIf(needsPostgres)('imports 10 000 rows in under 10 seconds on PostgreSQL', async () => {
    const lines = [IMPORT_HEADER];
    for (let i = 0; i < 10_000; i += 1) {
      lines.push(`${9_400_000 + i},Lege ${i},${i % 2 ? 'salaried' : 'self_employed'},gp,${50 + (i % 51)},2026-0${1 + (i % 9)}-01,2025-12-01,active`);
    }
    const csv = `${lines.join('\n')}\n`;
    const started = performance.now();
    const report = await importOk(csv, { kommunenummer: '1103' });
    const seconds = (performance.now() - started) / 1000;
    expect(report).toMatchObject({ imported: true, rows: 10_000, doctors: { created: 10_000 }, agreements: { created: 10_000 }, errors: [] });
    expect(seconds).toBeLessThan(10);
    expect((await agreementsIn('1103')).total).toEqual({ count: 10_000, exact: true });
    // And again: nothing new, also fast.
    const again = await importOk(csv, { kommunenummer: '1103' });
    expect(again.agreements).toEqual({ created: 0, skipped: 10_000 });
  }, 60_000);
});
