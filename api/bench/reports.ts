// The reports in `pnpm bench`: the API's report endpoints beside the plain GROUP BY a developer would
// write by hand for the overview, run with `pg` directly on the same data (no HTTP, no JSON, no
// scope, no cache): what a request of the report costs against what the database alone costs.
import { DEFAULT_EDUCATION_PLAN_RULES, todayInNorway } from '@alis/shared';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { reportsRepo } from '../src/modules/reports/reports.repo.js';
import { worklistOf } from '../src/modules/worklist/worklist.service.js';

/** Active agreements on a day per office, by employment form: the overview's core, written by hand. */
export const PLAIN_OVERVIEW_SQL = `
  select m.office_code,
    count(*) filter (where a.employment_form = 'salaried')::int as salaried,
    count(*) filter (where a.employment_form = 'self_employed')::int as self_employed,
    count(*)::int as active
  from agreements a join municipalities m on m.kommunenummer = a.kommunenummer
  where a.status in ('active', 'completed', 'terminated') and a.start_date <= $1::date and (a.end_date is null or a.end_date >= $1::date)
  group by m.office_code`;

export interface PlainRun {
  rate: number;
  p50: number;
  p99: number;
  queries: number;
}

/** The `p`th percentile of latencies sorted ascending (the nearest rank). */
export const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN);

/** Runs `once` for `seconds` from `connections` concurrent workers, after `warm` (the connections and PostgreSQL's caches). */
async function timeLoop(seconds: number, connections: number, warm: () => Promise<unknown>, once: () => Promise<unknown>): Promise<PlainRun> {
  const latencies: number[] = [];
  await warm();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const before = performance.now();
        await once();
        latencies.push(performance.now() - before);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return { rate: latencies.length / elapsed, p50: percentile(sorted, 50), p99: percentile(sorted, 99), queries: latencies.length };
}

/** Runs the plain query for `seconds` from `connections` concurrent workers over a pool of `poolSize`. */
export async function runPlainGroupBy(databaseUrl: string, seconds: number, connections: number, poolSize: number): Promise<PlainRun> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const day = todayInNorway();
  const query = () => pool.query(PLAIN_OVERVIEW_SQL, [day]);
  try {
    return await timeLoop(seconds, connections, () => Promise.all(Array.from({ length: poolSize }, query)), query);
  } finally {
    await pool.end();
  }
}

/**
 * Computes the office's worklist again and again in this process (the API's own function, no cache,
 * no HTTP): what a request costs when the data has just changed.
 */
export async function runComputedWorklist(databaseUrl: string, officeCode: string, seconds: number, connections: number, poolSize: number): Promise<PlainRun> {
  const database = await openDatabase({ databaseUrl, poolSize });
  const compute = () => worklistOf(database.db, officeCode, todayInNorway(), DEFAULT_EDUCATION_PLAN_RULES);
  try {
    return await timeLoop(seconds, connections, () => Promise.all(Array.from({ length: poolSize }, compute)), compute);
  } finally {
    await database.close();
  }
}

/**
 * What the first compliance list or worklist after a change pays on top: rebuilding the compliance
 * periods (reports.repo.ts), `times` times in a row with nothing else running, each after moving the
 * data version as a change would. The median and the slowest, in ms.
 */
export async function timeCompliancePeriodsRebuild(databaseUrl: string, times: number): Promise<{ p50: number; max: number }> {
  const database = await openDatabase({ databaseUrl, poolSize: 1 });
  const took: number[] = [];
  try {
    for (let i = 0; i < times; i++) {
      await database.executeSql('update report_data_version set version = version + 1 where id = 1');
      const before = performance.now();
      await reportsRepo.compliancePeriodsCurrent(database.db);
      took.push(performance.now() - before);
    }
  } finally {
    await database.close();
  }
  const sorted = Float64Array.from(took).sort();
  return { p50: percentile(sorted, 50), max: sorted[sorted.length - 1] ?? NaN };
}

/** The report requests measured (the office user's scope), each a path for a request. */
export function reportTargets(schemeCode: string): { name: string; path: () => string }[] {
  const today = todayInNorway();
  const year = Number(today.slice(0, 4));
  // A date the cache does not hold, every request: the 1095 days of three years, visited in a scattered
  // order (a stride prime to 1095) and again only after all the others. The cache keeps at most
  // REPORT_CACHE_ENTRIES (500) answers, least recently used first out, so a day comes round again only
  // after it has been dropped: every "any day" answer is computed.
  let visited = 0;
  const someDay = () => {
    const index = (visited++ * 389) % 1095;
    return new Date(Date.UTC(year - 2, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  };
  return [
    { name: 'overview (cached)', path: () => `/api/v1/reports/overview?asOf=${today}` },
    { name: 'overview by mun.', path: () => `/api/v1/reports/overview?asOf=${today}&groupBy=municipality` },
    { name: 'overview strict', path: () => `/api/v1/reports/overview?asOf=${today}&groupBy=municipality&disclosure=strict` },
    { name: 'overview, any day', path: () => `/api/v1/reports/overview?asOf=${someDay()}` },
    { name: 'grants', path: () => `/api/v1/reports/grants?schemeCode=${schemeCode}&asOf=${today}` },
    { name: 'grants, any day', path: () => `/api/v1/reports/grants?schemeCode=${schemeCode}&asOf=${someDay()}` },
    { name: 'compliance', path: () => `/api/v1/reports/compliance?asOf=${today}` },
    { name: 'compliance, any day', path: () => `/api/v1/reports/compliance?asOf=${someDay()}` },
    { name: 'worklist', path: () => '/api/v1/worklist' },
  ];
}
