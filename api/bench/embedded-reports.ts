// `pnpm bench:embedded`: the reports and the worklist on the embedded engine (PGlite, in memory), at
// `BENCH_SCALE` (default 10, the measure). PGlite is one session in this process, so requests
// run one at a time: each report is computed `BENCH_REPEATS` times with a new date (nothing cached),
// then served again from the cache, through the API's own services as an office user and as admin.
import { addDays, todayInNorway } from '@alis/shared';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { seedDemoData } from '../src/db/demo-data.js';
import { migrateAndSeed } from '../src/db/migrate.js';
import type { Principal } from '../src/lib/principal.js';
import { benchServices, officePrincipal } from './api-statements.js';

const env = process.env;
const SCALE = Number(env.BENCH_SCALE ?? 10);
const REPEATS = Number(env.BENCH_REPEATS ?? 20);

const adminPrincipal: Principal = { kind: 'user', id: '00000000-0000-4000-8000-000000000001', role: 'admin', officeCode: null, kommunenummer: null, scopes: ['read', 'write', 'decide'] };

async function main() {
  const config = parseConfig({ JWT_SECRET: 'bench-only-secret-that-signs-nothing-at-all', LOG_LEVEL: 'silent' });
  const database = await openDatabase({ embeddedDataDir: 'memory://' });
  const started = performance.now();
  await migrateAndSeed(database, { migrationsDir: config.MIGRATIONS_DIR, seedDir: config.SEED_DIR });
  await seedDemoData(database.db, { scale: SCALE });
  console.log(`== embedded engine, demo data at scale ${SCALE} in ${((performance.now() - started) / 1000).toFixed(1)} s; ${REPEATS} requests each, one at a time`);
  const { db } = database;
  const services = benchServices(db);

  const rows = (await database.executeSql(
    `select m.office_code as office, count(*)::int as n from agreements a join municipalities m on m.kommunenummer = a.kommunenummer group by 1 order by 2 desc limit 1`,
  )) as { rows: { office: string }[] };
  const office = officePrincipal(rows.rows[0]?.office ?? 'ost');
  const scheme = ((await database.executeSql('select code from grant_schemes order by period_from desc limit 1')) as { rows: { code: string }[] }).rows[0]?.code ?? '';
  const today = todayInNorway();
  const changeData = () => database.executeSql('update report_data_version set version = version + 1 where id = 1');
  // A new date each time: computed, never served from the cache.
  const day = (i: number) => addDays(today, -37 * (i + 1));
  const targets: [string, (i: number) => Promise<unknown>][] = [
    ['overview (office)', (i) => services.reports.overview(office, { asOf: day(i), groupBy: 'office' })],
    ['overview (admin, by municipality)', (i) => services.reports.overview(adminPrincipal, { asOf: day(i), groupBy: 'municipality' })],
    ['grants (admin)', (i) => services.reports.grants(adminPrincipal, { schemeCode: scheme, asOf: day(i), groupBy: 'office' })],
    ['compliance (office)', (i) => services.reports.compliance(office, { asOf: day(i) })],
    ['compliance (admin, national)', (i) => services.reports.compliance(adminPrincipal, { asOf: day(i) })],
    // A change moves the data version: the next compliance list or worklist rebuilds the compliance periods first.
    ['compliance after a change (office)', async (i) => {
      await changeData();
      return services.reports.compliance(office, { asOf: day(i) });
    }],
    ['worklist after a change (office)', async () => {
      await changeData();
      return services.worklist.get(office, {});
    }],
    ['overview, cached', () => services.reports.overview(office, { asOf: today, groupBy: 'office' })],
    ['worklist, cached', () => services.worklist.get(office, {})],
  ];
  const pad = (text: string, width: number) => text.padEnd(width);
  console.log(`${pad('request', 36)}  p50 ms   p99 ms   max ms`);
  for (const [name, run] of targets) {
    await run(REPEATS);
    const times: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const before = performance.now();
      await run(i);
      times.push(performance.now() - before);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? NaN;
    console.log(`${pad(name, 36)}  ${at(50).toFixed(1).padStart(6)}   ${at(99).toFixed(1).padStart(6)}   ${at(100).toFixed(1).padStart(6)}`);
  }
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
