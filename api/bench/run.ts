// `pnpm bench`: the API's read endpoints (bench/endpoints.ts), each side by side with a bare node:http
// + pg handler running the same SQL (bench/bare-server.ts), as in production: the built bundle,
// logging on, real PostgreSQL, an office user's access token, random keys from demo data.
//
// It creates a fresh database alis_bench_<random> (on DATABASE_URL's server, or
// postgres://postgres@127.0.0.1:5432/postgres), fills it with `pnpm seed:demo --scale BENCH_SCALE`
// (the generator itself), starts the API and the bare server, logs in as an office user of the
// office with the most agreements (with several scales, all of this once per scale), and then for
// each endpoint:
//   1. checks that the bare handler sends the API's SQL (statement by statement, text and values,
//      captured from the API's own services) and answers what the API answers (a few keys);
//   2. warms both up, then measures them in alternating rounds (A B, B A, …; with several scales all
//      four or more servers take turns in the same rounds, so that the machine's drift falls on each
//      alike and the scales' figures compare).
// It prints a table per scale (requests/s of each, ratio, p50/p99 latency, CPU time per request of each
// process, the API's resident memory after the endpoint), with several scales one of each endpoint's
// figures against the first scale's, and writes a JSON summary to BENCH_JSON.
// Exit 1 on any non-2xx answer or socket error, or when a bare handler's SQL or answer differs from
// the API's (BENCH_ALLOW_DRIFT=1 reports it and carries on); the ratio is reported, never enforced.
//
// Knobs (environment):
//   BENCH_ONLY=agreements-list,doctor-get  endpoints to run (names in bench/endpoints.ts; all by default)
//   BENCH_SCALE (1)                         demo data scale (the issue's goals are stated at 10); several, as
//                                           `1,10`, are measured in one run and compared (a page's cost as the data grows)
//   BENCH_DURATION (10)                     measured seconds per target and endpoint, split over the rounds
//   BENCH_ROUNDS (2), BENCH_WARMUP (5 s: both servers, every endpoint; the API has more code for the JIT to warm), BENCH_CONNECTIONS (50)
//   BENCH_POOL_SIZE (2 × CPUs)              PostgreSQL connections of each server (the API's DATABASE_POOL_SIZE)
//   BENCH_OFFICE                            office code to log in as (default: the one with most agreements)
//   BENCH_BARE_PREPARE (named)              `as-api`: the bare handler prepares only what the API prepares
//   BENCH_BARE_DRIVER (pg)                  `lean`: the bare handler sends its named statements as the API does
//                                           (src/db/lean-execution.ts), so that the ratio leaves the driver out
//   BENCH_JSON=<file>                       machine-readable summary
//   BENCH_REPORTS=0                         skips the reports (otherwise measured after the endpoints, beside a plain GROUP BY on pg)
//   BENCH_REPORTS='compliance, any day'     only the reports named (separated by |), e.g. to profile one
//   BENCH_LOAD (wrk when installed, else autocannon)  the load generator: `apt-get install wrk` frees CPU for the servers
//   BENCH_TARGET_RATIO (0.8)                marks rows below it
//   BENCH_LOG_LEVEL (info)                  the API's log level (the issue measures the default, info)
//   BENCH_PAGE_CACHE_MB                     the API's PAGE_CACHE_MB (its default unless given): 0 computes every page
//                                           of the lists, as the bare handler does, instead of keeping them
//   BENCH_API_NODE_FLAGS='--max-semi-space-size=8'  flags for the API's node instead of the start script's (to try V8 settings)
//   BENCH_KEEP_LOG=1 keeps the work folder with the API's log; BENCH_CPU_PROF=<dir> runs both
//   processes with --cpu-prof writing their profiles there.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { seedDemoData } from '../src/db/demo-data.js';
import { migrateAndSeed } from '../src/db/migrate.js';
import { type Statement, apiStatements, officePrincipal } from './api-statements.js';
import { type BareStatement, type PrepareMode, barePool, driverMode, runner } from './bare.js';
import { ENDPOINTS, type Endpoint } from './endpoints.js';
import { type PlainRun, percentile, reportTargets, runComputedWorklist, runPlainGroupBy, timeCompliancePeriodsRebuild } from './reports.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const DURATION = Number(env.BENCH_DURATION ?? 10);
const WARMUP = Number(env.BENCH_WARMUP ?? 5);
const ROUNDS = Math.max(1, Number(env.BENCH_ROUNDS ?? 2));
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 50);
const TARGET_RATIO = Number(env.BENCH_TARGET_RATIO ?? 0.8);
const PREPARE: PrepareMode = env.BENCH_BARE_PREPARE === 'as-api' ? 'as-api' : 'named';
const DRIVER = driverMode(env.BENCH_BARE_DRIVER);
const ALLOW_DRIFT = env.BENCH_ALLOW_DRIFT === '1';
/**
 * What fires the requests: wrk (two threads, in C; what the speed issue measured with) when it is
 * installed, else autocannon (a dependency, so the bench runs from a clean clone). autocannon runs
 * in this process and takes a larger share of the two CPUs the servers also need.
 */
const LOAD: 'wrk' | 'autocannon' =
  env.BENCH_LOAD === 'autocannon' || env.BENCH_LOAD === 'wrk' ? env.BENCH_LOAD : spawnSync('wrk', ['-v']).error ? 'autocannon' : 'wrk';
/**
 * Each server's PostgreSQL connections (the API's DATABASE_POOL_SIZE, the bare handler's alike): twice the
 * machine's CPUs unless given, as the README advises for a PostgreSQL on the same machine. More only queue
 * in PostgreSQL's backends for the same CPUs: on 2 CPUs (one run each), a pool of 10 against 4 answered the
 * one-statement GETs 10-23 % slower and with up to twice the p99, for both servers.
 */
const POOL_SIZE = Number(env.BENCH_POOL_SIZE ?? 2 * os.availableParallelism());
const REPORT_CONNECTIONS = 10;
/** Keys whose answers are compared between the API and the bare handler before measuring. */
const SAMPLES = 3;

const children: ChildProcess[] = [];
let workDir: string | undefined;
let adminUrl: string | undefined;
const benchDbs: string[] = [];

const log = (line = '') => process.stdout.write(`${line}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Starts a long-running child with stdout and stderr to `logFile`. */
function start(name: string, args: string[], childEnv: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { cwd: apiDir, env: childEnv, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  child.once('exit', (code, signal) => {
    if (!stopping) log(`!! ${name} exited early (code ${code}, signal ${signal}); log: ${logFile}`);
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, child: ChildProcess, logFile: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
  throw new Error(`${url} did not become ready.\n${tail}`);
}

/** CPU time (user + system) a process has used so far in ms, from /proc; undefined off Linux. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (USER_HZ, 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Resident memory now (VmRSS) and at its peak (VmHWM) in MB, from /proc; NaN off Linux. */
function memoryMb(pid: number | undefined): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** What one stretch of load gave: its length, its failures and every response's latency in ms. */
interface Run {
  seconds: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Responses by status code (autocannon tells them; wrk only counts those of 400 and above). */
  codes: Record<string, number>;
  latencies: number[];
}

function fire(baseUrl: string, seconds: number, token: string, pathOf: () => string, connections = CONNECTIONS): Promise<Run> {
  return LOAD === 'wrk' ? fireWrk(baseUrl, seconds, token, pathOf, connections) : fireAutocannon(baseUrl, seconds, token, pathOf, connections);
}

function fireAutocannon(baseUrl: string, seconds: number, token: string, pathOf: () => string, connections: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        timeout: 10,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: pathOf() }) }],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const codes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count]));
        resolve({ seconds: result.duration, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, codes, latencies });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
}

/** Paths drawn for a wrk run: wrk picks among them at random (bench/wrk.lua), as autocannon calls pathOf. */
const WRK_PATHS = 10_000;

/** The same load from wrk (two threads, in C): it takes less of the machine's two CPUs than autocannon does. */
async function fireWrk(baseUrl: string, seconds: number, token: string, pathOf: () => string, connections: number): Promise<Run> {
  const pathsFile = path.join(workDir ?? os.tmpdir(), 'wrk-paths.txt');
  writeFileSync(pathsFile, `${Array.from({ length: WRK_PATHS }, pathOf).join('\n')}\n`);
  const args = ['-t2', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', path.join(apiDir, 'bench', 'wrk.lua'), baseUrl];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', args, { env: { PATH: env.PATH, BENCH_WRK_PATHS: pathsFile, BENCH_WRK_TOKEN: token }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}: ${out}`))));
  });
  const line = output.split('\n').find((text) => text.startsWith('BENCH '));
  if (!line) throw new Error(`wrk printed no summary: ${output}`);
  const summary = JSON.parse(line.slice('BENCH '.length)) as { responses: number; durationUs: number; socketErrors: number; errorStatus: number; timeouts: number; quantilesUs: string };
  // Each quantile stands for its share (in %) of the responses: as many latencies as that, so rounds merge.
  const latencies: number[] = [];
  let percent = 0;
  for (const pair of summary.quantilesUs ? summary.quantilesUs.split(',') : []) {
    const [share, us] = pair.split(':').map(Number) as [number, number];
    percent += share;
    const until = Math.min(summary.responses, Math.round((percent / 100) * summary.responses));
    while (latencies.length < until) latencies.push(us / 1000);
  }
  return {
    seconds: summary.durationUs / 1e6,
    non2xx: summary.errorStatus,
    errors: summary.socketErrors,
    timeouts: summary.timeouts,
    codes: summary.errorStatus ? { '4xx/5xx': summary.errorStatus } : {},
    latencies,
  };
}

const percentileOf = (latencies: readonly number[], p: number) => percentile(Float64Array.from(latencies).sort(), p);

/** One target's rounds on one endpoint, summed: rate over the measured seconds, percentiles over every response. */
class Tally {
  seconds = 0;
  responses = 0;
  non2xx = 0;
  errors = 0;
  timeouts = 0;
  codes = new Map<string, number>();
  cpuMs: number | undefined = 0;
  rssMb = NaN;
  private latencies: number[] = [];
  private sorted: Float64Array | undefined;

  add({ seconds, non2xx, errors, timeouts, codes, latencies }: Run, cpuMs: number | undefined) {
    this.cpuMs = this.cpuMs === undefined || cpuMs === undefined ? undefined : this.cpuMs + cpuMs;
    this.seconds += seconds;
    this.responses += latencies.length;
    this.non2xx += non2xx;
    this.errors += errors;
    this.timeouts += timeouts;
    for (const [code, count] of Object.entries(codes)) this.codes.set(code, (this.codes.get(code) ?? 0) + count);
    for (const latency of latencies) this.latencies.push(latency);
    this.sorted = undefined;
  }

  get rate() {
    return this.responses / this.seconds;
  }

  /** The server's CPU time per answered request, in µs. */
  get cpuPerRequest() {
    return this.cpuMs === undefined ? NaN : (this.cpuMs * 1000) / this.responses;
  }

  get failures() {
    return this.non2xx + this.errors + this.timeouts;
  }

  percentile(p: number) {
    this.sorted ??= Float64Array.from(this.latencies).sort();
    return percentile(this.sorted, p);
  }

  summary() {
    return {
      requestsPerSecond: round(this.rate),
      p50Ms: round(this.percentile(50), 1),
      p99Ms: round(this.percentile(99), 1),
      cpuMicrosecondsPerRequest: round(this.cpuPerRequest),
      rssMb: round(this.rssMb, 1),
      responses: this.responses,
      non2xx: this.non2xx,
      errors: this.errors,
      timeouts: this.timeouts,
      statusCodes: Object.fromEntries(this.codes),
    };
  }
}

const round = (value: number, digits = 0) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);

/** Where two JSON values first differ, for a readable report ("items.3.warnings.0.code: a ≠ b"). */
function firstDifference(a: unknown, b: unknown, at = ''): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b)) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      if (!(key in right)) return `${at}${key}: only the API has it`;
      if (!(key in left)) return `${at}${key}: only the bare handler has it`;
      const inner = firstDifference(left[key], right[key], `${at}${key}.`);
      if (inner) return inner;
    }
  }
  const show = (value: unknown) => (JSON.stringify(value) as string | undefined ?? 'undefined').slice(0, 120);
  return `${at.replace(/\.$/, '') || '(the whole answer)'}: API ${show(a)} ≠ bare ${show(b)}`;
}

interface EndpointResult {
  endpoint: Endpoint;
  keys: string[];
  statements: number;
  apiPrepared: number;
  drift: string[];
  /** Not measured: one of the two does not answer 200 (measuring errors would mean nothing). */
  broken: boolean;
  api: Tally;
  bare: Tally;
}

/** The bare handler's statements against the API's for one key: [] when they are the same. */
async function sqlDrift(endpoint: Endpoint, key: string, officeCode: string, capture: ReturnType<typeof apiStatements>, pool: pg.Pool) {
  const apiSent = await capture.capture((services) => endpoint.api(services, officePrincipal(officeCode), key));
  const bareSent: (Statement & { statement: BareStatement })[] = [];
  const record = runner(pool, PREPARE, (statement, name, values) => bareSent.push({ statement, name, text: statement.text, values: [...values] }));
  const problems: string[] = [];
  let broken = false;
  try {
    await endpoint.bare(record, key, { officeCode });
  } catch (error) {
    broken = true;
    problems.push(`the bare handler failed: ${(error as Error).message}`);
  }
  if (apiSent.length !== bareSent.length) problems.push(`the API sent ${apiSent.length} statements, the bare handler ${bareSent.length}`);
  apiSent.forEach((sent, i) => {
    const bare = bareSent[i];
    if (!bare) return;
    if (bare.text !== sent.text) problems.push(`statement ${i + 1}: other SQL.\n     API:  ${sent.text}\n     bare: ${bare.text}`);
    else if (!isDeepStrictEqual(bare.values, sent.values)) problems.push(`statement ${i + 1}: other values. API ${JSON.stringify(sent.values)}, bare ${JSON.stringify(bare.values)}`);
    if ((sent.name !== undefined) !== (bare.statement.apiPrepares === true)) {
      problems.push(`statement ${i + 1}: the API ${sent.name ? `prepares it (${sent.name})` : 'does not prepare it'}; set apiPrepares to match`);
    }
  });
  for (const extra of apiSent.slice(bareSent.length)) problems.push(`the bare handler lacks: ${extra.text}`);
  return { problems, broken, statements: apiSent.length, apiPrepared: apiSent.filter((s) => s.name !== undefined).length };
}

let stopping = false;
async function cleanup() {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  if (adminUrl && benchDbs.length > 0) {
    const admin = new pg.Client({ connectionString: adminUrl });
    try {
      await admin.connect();
      for (const name of benchDbs) await admin.query(`drop database if exists "${name}" with (force)`);
    } catch (error) {
      log(`!! could not drop database ${benchDbs.join(', ')}: ${(error as Error).message}`);
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
  if (workDir && !env.BENCH_KEEP_LOG) rmSync(workDir, { recursive: true, force: true });
}

function selectedEndpoints(): Endpoint[] {
  if (!env.BENCH_ONLY) return [...ENDPOINTS];
  const names = env.BENCH_ONLY.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !ENDPOINTS.some((e) => e.name === name));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: no endpoint ${unknown.join(', ')}; there are ${ENDPOINTS.map((e) => e.name).join(', ')}`);
  return ENDPOINTS.filter((e) => names.includes(e.name));
}

async function post(url: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The node flags of api/package.json's start script (`node <flags> dist/server.js`). */
function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(apiDir, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = scripts.start.split(' ').filter(Boolean);
  return words.slice(words.indexOf('node') + 1, words.indexOf('dist/server.js'));
}

async function login(apiUrl: string, email: string, password: string): Promise<string> {
  const { accessToken } = (await post(`${apiUrl}/api/v1/auth/login`, { email, password })) as { accessToken: string };
  return accessToken;
}

/** One scale of the run: its database, its API and bare handler, its office user and its endpoints' tallies. */
interface Site {
  scale: number;
  databaseUrl: string;
  apiUrl: string;
  bareUrl: string;
  api: ChildProcess;
  bare: ChildProcess;
  apiLog: string;
  token: string;
  officeCode: string;
  results: EndpointResult[];
}

/** A database at `scale` with the API and the bare handler on it, each endpoint checked against the API. */
async function setUp(scale: number, endpoints: readonly Endpoint[], adminUrl: string, dir: string): Promise<Site> {
  const name = `alis_bench_${randomBytes(6).toString('hex')}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  const databaseUrl = dbUrl.toString();
  log(`== database ${name} on ${dbUrl.host}: migrate, then demo data at scale ${scale} (pnpm seed:demo's generator)`);
  {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database "${name}"`);
      benchDbs.push(name);
    } finally {
      await admin.end();
    }
    const config = parseConfig({ DATABASE_URL: databaseUrl, JWT_SECRET: randomBytes(36).toString('base64url') });
    const database = await openDatabase({ databaseUrl, poolSize: 2 });
    try {
      await migrateAndSeed(database, { migrationsDir: config.MIGRATIONS_DIR, seedDir: config.SEED_DIR });
      const started = Date.now();
      const seeded = await seedDemoData(database.db, { scale });
      log(`-- seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(seeded && { ...seeded, kept: undefined })}`);
    } finally {
      await database.close();
    }
  }

  const [apiPort, barePort] = await Promise.all([freePort(), freePort()]);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const adminEmail = `bench-admin-${randomBytes(4).toString('hex')}@alis.test`;
  const password = randomBytes(18).toString('base64url');
  const apiLog = path.join(dir, `api-${scale}.log`);
  const cpuProfDir = env.BENCH_CPU_PROF ? path.resolve(env.BENCH_CPU_PROF) : undefined;
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];

  // The API runs as `pnpm start` runs it: with the node flags of api/package.json's start script.
  const nodeFlags = env.BENCH_API_NODE_FLAGS?.split(' ').filter(Boolean) ?? startFlags();
  log(`== start the API (node ${[...nodeFlags, 'dist/server.js'].join(' ')}, LOG_LEVEL=${env.BENCH_LOG_LEVEL ?? 'info'}${env.BENCH_PAGE_CACHE_MB === undefined ? '' : ` PAGE_CACHE_MB=${env.BENCH_PAGE_CACHE_MB}`} to ${apiLog})`);
  const api = start(
    `API (scale ${scale})`,
    [...profile, ...nodeFlags, 'dist/server.js'],
    {
      PATH: env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      JWT_SECRET: randomBytes(36).toString('base64url'),
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: password,
      LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'info',
      ...(env.BENCH_PAGE_CACHE_MB === undefined ? {} : { PAGE_CACHE_MB: env.BENCH_PAGE_CACHE_MB }),
      DATA_DIR: path.join(dir, `data-${scale}`),
      // The per-caller limit (1200/min by default) would answer 429 within a second to one token;
      // the limiter still runs on every request, it just does not trip. Tokens outlast a long run.
      API_RATE_LIMIT_PER_MINUTE: '100000000',
      ACCESS_TOKEN_TTL_SECONDS: '86400',
    },
    apiLog,
  );
  await waitFor(`${apiUrl}/health/ready`, api, apiLog);

  const pgClient = new pg.Client({ connectionString: databaseUrl });
  await pgClient.connect();
  let officeCode: string;
  const keysOf = new Map<Endpoint, string[]>();
  try {
    officeCode =
      env.BENCH_OFFICE ??
      (
        await pgClient.query<{ office_code: string }>(
          'select m.office_code from agreements a join municipalities m on m.kommunenummer = a.kommunenummer group by 1 order by count(*) desc, 1 limit 1',
        )
      ).rows[0]?.office_code ??
      'oslo';
    for (const endpoint of endpoints) {
      const keys = endpoint.keys === null ? [''] : (await pgClient.query<[string]>({ text: endpoint.keys, values: [officeCode], rowMode: 'array' })).rows.map((row) => row[0]);
      if (keys.length === 0) throw new Error(`${endpoint.name}: no keys in office ${officeCode}'s scope`);
      keysOf.set(endpoint, keys);
    }
  } finally {
    await pgClient.end();
  }

  // An office user: the API scopes every read to the office's municipalities.
  const officeEmail = `bench-office-${randomBytes(4).toString('hex')}@alis.test`;
  // An admin gives a one-time password; the user sets their own before the API answers anything else.
  const oneTime = `${password}-once`;
  await post(`${apiUrl}/api/v1/users`, { email: officeEmail, name: 'Bench Office', role: 'office', officeCode, password: oneTime }, await login(apiUrl, adminEmail, password));
  await post(`${apiUrl}/api/v1/auth/password`, { currentPassword: oneTime, newPassword: password }, await login(apiUrl, officeEmail, oneTime));
  const token = await login(apiUrl, officeEmail, password);

  const driverNote = DRIVER === 'lean' ? 'sent as the API sends them (LeanExecution)' : "pg's own Query";
  log(`== start the bare handler (node:http + pg, ${PREPARE} statements, ${driverNote})`);
  const bareLog = path.join(dir, `bare-${scale}.log`);
  const bare = start(
    `bare handler (scale ${scale})`,
    [...profile, '--import', 'tsx', 'bench/bare-server.ts'],
    {
      PATH: env.PATH,
      NODE_ENV: 'production',
      BARE_DATABASE_URL: databaseUrl,
      BARE_PORT: String(barePort),
      BARE_POOL_SIZE: String(POOL_SIZE),
      BARE_OFFICE_CODE: officeCode,
      BARE_PREPARE: PREPARE,
      BARE_DRIVER: DRIVER,
    },
    bareLog,
  );
  await waitFor(`${bareUrl}/health`, bare, bareLog);

  // The comparison means something only if both send the same SQL and answer the same.
  log(`== check each bare handler against the API (SQL sent, and answers for ${SAMPLES} keys)`);
  const results: EndpointResult[] = [];
  const capture = apiStatements(databaseUrl);
  const checkPool = barePool(databaseUrl, 1);
  const headers = { authorization: `Bearer ${token}` };
  try {
    for (const endpoint of endpoints) {
      const keys = keysOf.get(endpoint) ?? [];
      const samples = [...new Set([keys[0], keys[Math.floor(keys.length / 2)], keys.at(-1)])].filter((k): k is string => k !== undefined).slice(0, SAMPLES);
      const sql = await sqlDrift(endpoint, samples[0] ?? '', officeCode, capture, checkPool);
      const drift = [...sql.problems];
      let broken = sql.broken;
      for (const key of samples) {
        const [fromApi, fromBare] = await Promise.all(
          [apiUrl, bareUrl].map(async (base) => {
            const response = await fetch(`${base}${endpoint.path(key)}`, { headers });
            const text = await response.text();
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // not JSON: compared as text
            }
            return { status: response.status, etag: response.headers.get('etag'), body };
          }),
        );
        if (!fromApi || !fromBare) continue;
        broken ||= fromApi.status !== 200 || fromBare.status !== 200;
        if (fromApi.status !== 200) drift.push(`${endpoint.path(key)}: the API answered ${fromApi.status}`);
        else if (fromBare.status !== fromApi.status) drift.push(`${endpoint.path(key)}: the API answered ${fromApi.status}, the bare handler ${fromBare.status}`);
        // A kept page's ETag (`"r<data version>-…"`, src/lib/page-cache.ts) has no counterpart: the bare handler computes every page.
        else if (fromApi.etag !== fromBare.etag && !(fromBare.etag === null && fromApi.etag?.startsWith('"r')))
          drift.push(`${endpoint.path(key)}: ETag ${fromApi.etag ?? 'none'} from the API, ${fromBare.etag ?? 'none'} from the bare handler`);
        const difference = firstDifference(fromApi.body, fromBare.body);
        if (difference) drift.push(`${endpoint.path(key)}: answers differ at ${difference}`);
      }
      log(`-- ${endpoint.name.padEnd(20)} ${String(keys.length).padStart(6)} keys, ${sql.statements} statements (${sql.apiPrepared} prepared by the API): ${drift.length ? 'DIFFERS' : 'same SQL, same answers'}`);
      for (const line of drift) log(`   !! ${line}`);
      results.push({ endpoint, keys, statements: sql.statements, apiPrepared: sql.apiPrepared, drift, broken, api: new Tally(), bare: new Tally() });
    }
  } finally {
    await capture.close();
    await checkPool.end();
  }
  return { scale, databaseUrl, apiUrl, bareUrl, api, bare, apiLog, token, officeCode, results };
}

/** The scales of BENCH_SCALE: one (`10`), or several measured in one run (`1,10`). */
function scalesOf(text: string): number[] {
  const scales = text.split(',').map((part) => Number(part.trim()));
  if (scales.some((scale) => !Number.isInteger(scale) || scale < 1) || new Set(scales).size !== scales.length) {
    throw new Error('BENCH_SCALE must be a whole number from 1, or several different ones separated by commas (1,10)');
  }
  return scales;
}

async function main(): Promise<number> {
  const endpoints = selectedEndpoints();
  const scales = scalesOf(env.BENCH_SCALE ?? '1');
  adminUrl = env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  workDir = mkdtempSync(path.join(os.tmpdir(), 'alis-bench-'));

  log('== build the API (node scripts/build.mjs)');
  await run(process.execPath, ['scripts/build.mjs'], apiDir);

  const sites: Site[] = [];
  for (const scale of scales) sites.push(await setUp(scale, endpoints, adminUrl, workDir));

  const where = sites.map((site) => (sites.length > 1 ? `office ${site.officeCode} at scale ${site.scale}` : `office ${site.officeCode}`)).join(', ');
  const servers = sites.length * 2;
  log(
    `== ${where}, ${CONNECTIONS} connections (${LOAD === 'wrk' ? 'wrk, 2 threads' : 'autocannon'}), pool ${POOL_SIZE}, ${os.cpus().length} CPUs: per endpoint ${WARMUP} s warm-up each, ` +
      `then ${DURATION} s each in ${ROUNDS} rounds alternating among the ${servers} servers`,
  );
  let warmUpFailures = 0;
  for (const [index, endpoint] of endpoints.entries()) {
    const measured = sites.map((site) => ({ site, result: site.results[index] })).filter((m): m is { site: Site; result: EndpointResult } => m.result !== undefined);
    if (measured.some(({ result }) => result.broken)) {
      log(`-- ${endpoint.name.padEnd(20)} not measured: it does not answer 200 on both (see the check above)`);
      continue;
    }
    const label = (site: Site, name: string) => (sites.length > 1 ? `${name}@${site.scale}` : name);
    const targets = measured.flatMap(({ site, result }) => {
      const pathOf = () => endpoint.path(result.keys[Math.floor(Math.random() * result.keys.length)] ?? '');
      return [
        { name: label(site, 'API'), url: site.apiUrl, pid: site.api.pid, tally: result.api, token: site.token, pathOf },
        { name: label(site, 'bare'), url: site.bareUrl, pid: site.bare.pid, tally: result.bare, token: site.token, pathOf },
      ];
    });
    for (const target of targets) {
      const warm = await fire(target.url, WARMUP, target.token, target.pathOf);
      const bad = warm.non2xx + warm.errors + warm.timeouts;
      warmUpFailures += bad;
      if (bad) log(`!! warm-up ${endpoint.name} ${target.name}: ${bad} non-2xx answers or errors`);
    }
    // A B, B A, A B ... (A B C D, D C B A with two scales): drifting background load falls on all alike.
    const rates: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        const cpuBefore = cpuMs(target.pid);
        const fired = await fire(target.url, DURATION / ROUNDS, target.token, target.pathOf);
        const cpuAfter = cpuMs(target.pid);
        target.tally.add(fired, cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore);
        rates.push(`${target.name} ${(fired.latencies.length / fired.seconds).toFixed(0)} (p99 ${percentileOf(fired.latencies, 99).toFixed(0)})`);
      }
    }
    for (const { site, result } of measured) {
      result.api.rssMb = memoryMb(site.api.pid).rss;
      result.bare.rssMb = memoryMb(site.bare.pid).rss;
    }
    log(`-- ${endpoint.name.padEnd(20)} req/s (p99 ms) by round: ${rates.join(', ')}`);
  }

  const columns: [string, number][] = [
    ['endpoint', 20], ['API req/s', 9], ['bare req/s', 10], ['ratio', 6], ['API p50/p99 ms', 15], ['bare p50/p99 ms', 15],
    ['API µs/req', 10], ['bare µs/req', 11], ['API RSS MB', 10], ['SQL', 5], ['failures', 8],
  ];
  const line = (cells: string[], widths = columns) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]?.[1] ?? 0) : cell.padStart(widths[i]?.[1] ?? 0))).join('  ');
  const latency = (tally: Tally) => `${tally.percentile(50).toFixed(1)} / ${tally.percentile(99).toFixed(1)}`;
  const memories = sites.map((site) => ({ site, api: memoryMb(site.api.pid), bare: memoryMb(site.bare.pid) }));
  for (const { site, api, bare } of memories) {
    log();
    if (sites.length > 1) log(`scale ${site.scale}, office ${site.officeCode}:`);
    log(line(columns.map(([title]) => title)));
    for (const r of site.results) {
      if (r.broken) {
        log(line([r.endpoint.name, '-', '-', '-', '-', '-', '-', '-', '-', `${r.apiPrepared}/${r.statements}`, 'BROKEN']));
        continue;
      }
      const ratio = r.api.rate / r.bare.rate;
      log(
        line([
          r.endpoint.name,
          r.api.rate.toFixed(0),
          r.bare.rate.toFixed(0),
          `${ratio.toFixed(2)}${ratio < TARGET_RATIO ? '*' : ' '}`,
          latency(r.api),
          latency(r.bare),
          r.api.cpuPerRequest.toFixed(0),
          r.bare.cpuPerRequest.toFixed(0),
          r.api.rssMb.toFixed(0),
          `${r.apiPrepared}/${r.statements}`,
          String(r.api.failures + r.bare.failures) + (r.drift.length ? ' DRIFT' : ''),
        ]),
      );
    }
    log(`API resident memory at the end ${api.rss.toFixed(0)} MB (peak ${api.peak.toFixed(0)} MB); bare ${bare.rss.toFixed(0)} MB (peak ${bare.peak.toFixed(0)} MB)`);
  }
  log();
  log(
    `ratio = API req/s ÷ bare req/s (* below ${TARGET_RATIO}); µs/req = the process's CPU time per answered request (each server is one ` +
      'event loop, so 1 s ÷ µs/req is its ceiling; less sensitive to other load than req/s); API RSS after the endpoint; ' +
      `SQL = statements per request the API prepares / sends (the bare handler: ${PREPARE === 'named' ? 'all named prepared' : 'as the API'}).`,
  );

  // A page's cost as the data grows: each scale against the first, measured in the same rounds.
  const first = sites[0];
  const growth = sites.slice(1).flatMap((site) =>
    site.results.flatMap((r, index) => {
      const base = first?.results[index];
      if (!base || r.broken || base.broken) return [];
      return [{ scale: site.scale, name: r.endpoint.name, api: r.api.rate / base.api.rate, bare: r.bare.rate / base.bare.rate, apiCpu: r.api.cpuPerRequest / base.api.cpuPerRequest }];
    }),
  );
  if (first && growth.length > 0) {
    const widths: [string, number][] = [['endpoint', 20], ['scale', 6], ['API req/s ÷', 12], ['bare req/s ÷', 13], ['API µs/req ÷', 12]];
    log();
    log(`each scale against scale ${first.scale} (the same rounds; a page's cost should stay within 15 %: req/s ÷ ≥ 0.85):`);
    log(line(widths.map(([title]) => title), widths));
    for (const g of growth) {
      log(line([g.name, String(g.scale), `${g.api.toFixed(2)}${g.api < 0.85 ? '*' : ' '}`, g.bare.toFixed(2), g.apiCpu.toFixed(2)], widths));
    }
  }

  // The reports, at 10 connections (the issue's measure), beside the plain GROUP BY on pg directly.
  const reportRuns: { site: Site; rows: { name: string; tally: Tally }[]; plain: PlainRun; worklistComputed: PlainRun; rebuild: { p50: number; max: number } }[] = [];
  if (env.BENCH_REPORTS !== '0') {
    for (const site of sites) {
      const { databaseUrl, officeCode, apiUrl, api, token } = site;
      log();
      log(`== reports (scale ${site.scale}): ${REPORT_CONNECTIONS} connections, ${DURATION} s each, office ${officeCode}; the plain GROUP BY with pg (pool ${POOL_SIZE})`);
      const schemeClient = new pg.Client({ connectionString: databaseUrl });
      await schemeClient.connect();
      const schemeCode = await schemeClient
        .query<{ code: string }>('select code from grant_schemes order by period_from desc limit 1')
        .then((result) => result.rows[0]?.code ?? 'nasjonal-alis-2026')
        .finally(() => schemeClient.end());
      const onlyReports = env.BENCH_REPORTS?.split('|').map((name) => name.trim());
      const rows: { name: string; tally: Tally }[] = [];
      for (const target of reportTargets(schemeCode).filter((report) => !onlyReports || onlyReports.includes(report.name))) {
        await fire(apiUrl, WARMUP, token, target.path, REPORT_CONNECTIONS);
        const tally = new Tally();
        const cpuBefore = cpuMs(api.pid);
        tally.add(await fire(apiUrl, DURATION, token, target.path, REPORT_CONNECTIONS), undefined);
        const cpuAfter = cpuMs(api.pid);
        tally.cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
        rows.push({ name: target.name, tally });
      }
      const plain = await runPlainGroupBy(databaseUrl, DURATION, REPORT_CONNECTIONS, POOL_SIZE);
      const computed = await runComputedWorklist(databaseUrl, officeCode, DURATION, REPORT_CONNECTIONS, POOL_SIZE);
      const rebuild = await timeCompliancePeriodsRebuild(databaseUrl, 9);
      reportRuns.push({ site, rows, plain, worklistComputed: computed, rebuild });
      const cols: [string, number][] = [['report', 20], ['req/s', 8], ['p50/p99 ms', 14], ['µs/req', 8], ['× plain', 8], ['failures', 8]];
      const row = (cells: string[]) => line(cells, cols);
      log(row(cols.map(([title]) => title)));
      for (const { name, tally } of rows) {
        log(row([name, tally.rate.toFixed(0), `${tally.percentile(50).toFixed(1)} / ${tally.percentile(99).toFixed(1)}`, tally.cpuPerRequest.toFixed(0), (tally.rate / plain.rate).toFixed(2), String(tally.failures)]));
      }
      log(row(['plain GROUP BY (pg)', plain.rate.toFixed(0), `${plain.p50.toFixed(1)} / ${plain.p99.toFixed(1)}`, '-', '1.00', '0']));
      log(row(['worklist computed', computed.rate.toFixed(0), `${computed.p50.toFixed(1)} / ${computed.p99.toFixed(1)}`, '-', (computed.rate / plain.rate).toFixed(2), '0']));
      log(`compliance periods rebuilt after a change (the first compliance list or worklist pays it): ${rebuild.p50.toFixed(0)} ms median, ${rebuild.max.toFixed(0)} ms slowest of 9`);
    }
    log(
      '× plain = the report\'s requests/s ÷ the plain query\'s queries/s (the overview should reach 3); "any day" asks a day the cache no longer holds, every ' +
        'time (computed, not cached); "worklist computed" runs the worklist\'s three statements in this process without the cache (what a ' +
        'request costs right after a change).',
    );
  }

  // Logging was really on: one "request completed" line per request.
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const site of sites) {
    const logLines = readFileSync(site.apiLog, 'utf8').split('\n').filter((entry) => entry.includes('"request completed"')).length;
    log(`API log (scale ${site.scale}): ${logLines} request lines, ${(statSync(site.apiLog).size / 1e6).toFixed(1)} MB${env.BENCH_KEEP_LOG ? ` (${site.apiLog})` : ''}`);
  }

  if (env.BENCH_JSON) {
    const summary = {
      startedAt: new Date().toISOString(),
      connections: CONNECTIONS,
      poolSize: POOL_SIZE,
      secondsPerTarget: DURATION,
      rounds: ROUNDS,
      warmupSeconds: WARMUP,
      cpus: os.cpus().length,
      node: process.version,
      loadGenerator: LOAD,
      barePrepare: PREPARE,
      bareDriver: DRIVER,
      targetRatio: TARGET_RATIO,
      scales: memories.map(({ site, api, bare }) => {
        const reports = reportRuns.find((runOf) => runOf.site === site);
        return {
          scale: site.scale,
          office: site.officeCode,
          memory: { api: { rssMb: round(api.rss, 1), peakMb: round(api.peak, 1) }, bare: { rssMb: round(bare.rss, 1), peakMb: round(bare.peak, 1) } },
          endpoints: site.results.map((r) => ({
            name: r.endpoint.name,
            title: r.endpoint.title,
            keys: r.keys.length,
            statements: r.statements,
            apiPreparedStatements: r.apiPrepared,
            measured: !r.broken,
            ratio: r.broken ? null : round(r.api.rate / r.bare.rate, 3),
            api: r.api.summary(),
            bare: r.bare.summary(),
            drift: r.drift,
          })),
          reports: reports
            ? {
                connections: REPORT_CONNECTIONS,
                plainGroupBy: { queriesPerSecond: round(reports.plain.rate), p50Ms: round(reports.plain.p50, 1), p99Ms: round(reports.plain.p99, 1) },
                worklistComputed: { perSecond: round(reports.worklistComputed.rate), p50Ms: round(reports.worklistComputed.p50, 1), p99Ms: round(reports.worklistComputed.p99, 1) },
                compliancePeriodsRebuildMs: { p50: round(reports.rebuild.p50, 1), max: round(reports.rebuild.max, 1) },
                endpoints: reports.rows.map(({ name, tally }) => ({ name, ...tally.summary(), timesPlain: round(tally.rate / reports.plain.rate, 2) })),
              }
            : null,
        };
      }),
      growth: growth.map((g) => ({ endpoint: g.name, scale: g.scale, againstScale: first?.scale, apiRate: round(g.api, 3), bareRate: round(g.bare, 3), apiCpuPerRequest: round(g.apiCpu, 3) })),
    };
    writeFileSync(env.BENCH_JSON, `${JSON.stringify(summary, null, 2)}\n`);
    log(`JSON summary: ${path.resolve(env.BENCH_JSON)}`);
  }

  let failed = false;
  for (const site of sites) {
    const at = sites.length > 1 ? ` (scale ${site.scale})` : '';
    for (const r of site.results) {
      for (const [name, tally] of [['API', r.api], ['bare', r.bare]] as const) {
        if (tally.failures === 0) continue;
        failed = true;
        const codes = [...tally.codes].map(([code, count]) => `${code}: ${count}`).join(', ');
        log(`FAIL ${r.endpoint.name}${at} ${name}: ${tally.non2xx} non-2xx (${codes}), ${tally.errors} errors, ${tally.timeouts} timeouts`);
      }
      if (r.broken) {
        failed = true;
        log(`FAIL ${r.endpoint.name}${at}: not measured, the API or the bare handler does not answer 200 (see above)`);
      } else if (r.drift.length > 0) {
        failed ||= !ALLOW_DRIFT;
        log(`${ALLOW_DRIFT ? 'WARN' : 'FAIL'} ${r.endpoint.name}${at}: the bare handler does not do what the API does (see above); update bench/endpoints.ts`);
      }
    }
  }
  for (const { site, rows } of reportRuns) {
    for (const { name, tally } of rows) {
      if (tally.failures === 0) continue;
      failed = true;
      log(`FAIL report ${name} (scale ${site.scale}): ${tally.non2xx} non-2xx (${[...tally.codes].map(([code, count]) => `${code}: ${count}`).join(', ')}), ${tally.errors} errors, ${tally.timeouts} timeouts`);
    }
  }
  if (warmUpFailures > 0) log(`FAIL ${warmUpFailures} non-2xx answers or errors during the warm-ups`);
  if (!failed && warmUpFailures === 0) log('OK: same SQL and answers as the API, no non-2xx answers, no errors');
  return failed || warmUpFailures > 0 ? 1 : 0;
}

process.once('SIGINT', () => {
  log('interrupted: cleaning up');
  void cleanup().finally(() => process.exit(130));
});

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  log(`FAIL ${(error as Error).stack ?? String(error)}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
