// `pnpm bench`: an authenticated GET /api/v1/municipalities/{kommunenummer} with random keys, as in
// production (the built bundle, logging on, real PostgreSQL), side by side with a bare node:http + pg
// handler running the same SQL with the same pool size (bench/bare-server.ts).
//
// Uses DATABASE_URL when set, otherwise postgres://postgres@127.0.0.1:5432/postgres, to create a
// fresh database alis_bench_<random> for the run; it is dropped at the end.
// Fails (exit 1) on any non-2xx answer or socket error; reports, but does not fail on, the ratio.
//
// Knobs (environment): BENCH_DURATION (seconds per target, 10), BENCH_ROUNDS (2: the measured
// seconds alternate between the targets, A B then B A), BENCH_WARMUP (seconds, 2),
// BENCH_CONNECTIONS (50), BENCH_KEEP_LOG=1 keeps the API's log file, BENCH_CPU_PROF=<dir> runs the
// API and the bare handler with --cpu-prof writing their profiles there.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** openDatabase's default pool size, which the server uses; the bare handler gets the same. */
const POOL_SIZE = 10;
const TARGET_RATIO = 0.8;

const children: ChildProcess[] = [];
let workDir: string | undefined;
let adminUrl: string | undefined;
let benchDb: string | undefined;

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
function start(name: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { cwd: apiDir, env, stdio: ['ignore', fd, fd] });
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

interface Run {
  result: Result;
  latencies: number[];
}

function fire(url: string, seconds: number, token: string, keys: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 10,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({
              ...request,
              path: `/api/v1/municipalities/${keys[Math.floor(Math.random() * keys.length)]}`,
            }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies })),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
}

/** One target's rounds, summed: rate over the measured seconds, percentiles over every response. */
class Tally {
  seconds = 0;
  responses = 0;
  non2xx = 0;
  errors = 0;
  timeouts = 0;
  codes = new Map<string, number>();
  cpuMs: number | undefined = 0;
  private latencies: number[] = [];

  add({ result, latencies }: Run, cpuMs: number | undefined) {
    this.cpuMs = this.cpuMs === undefined || cpuMs === undefined ? undefined : this.cpuMs + cpuMs;
    this.seconds += result.duration;
    this.responses += latencies.length;
    this.non2xx += result.non2xx;
    this.errors += result.errors;
    this.timeouts += result.timeouts;
    for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) this.codes.set(code, (this.codes.get(code) ?? 0) + stat.count);
    this.latencies.push(...latencies);
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
    const sorted = Float64Array.from(this.latencies).sort();
    return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN);
  }
}

function row(name: string, tally: Tally) {
  const cells = [
    name.padEnd(24),
    tally.rate.toFixed(0).padStart(9),
    tally.percentile(50).toFixed(1).padStart(9),
    tally.percentile(99).toFixed(1).padStart(9),
    String(tally.responses).padStart(9),
    String(tally.non2xx).padStart(7),
    String(tally.errors + tally.timeouts).padStart(7),
    tally.cpuPerRequest.toFixed(0).padStart(12),
  ];
  return cells.join(' ');
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
  if (adminUrl && benchDb) {
    const admin = new pg.Client({ connectionString: adminUrl });
    try {
      await admin.connect();
      await admin.query(`drop database if exists "${benchDb}" with (force)`);
    } catch (error) {
      log(`!! could not drop database ${benchDb}: ${(error as Error).message}`);
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
  if (workDir && !process.env.BENCH_KEEP_LOG) rmSync(workDir, { recursive: true, force: true });
}

async function main(): Promise<number> {
  adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  benchDb = `alis_bench_${randomBytes(6).toString('hex')}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${benchDb}`;
  const databaseUrl = dbUrl.toString();
  workDir = mkdtempSync(path.join(os.tmpdir(), 'alis-bench-'));

  log('== build the API (node scripts/build.mjs)');
  await run(process.execPath, ['scripts/build.mjs'], apiDir);

  log(`== database ${benchDb} on ${dbUrl.host}`);
  {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database "${benchDb}"`);
    } finally {
      await admin.end();
    }
  }

  const [apiPort, barePort] = await Promise.all([freePort(), freePort()]);
  const email = `bench-${randomBytes(4).toString('hex')}@alis.test`;
  const password = randomBytes(18).toString('base64url');
  const apiLog = path.join(workDir, 'api.log');
  const cpuProfDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;

  log(`== start the API (node dist/server.js, LOG_LEVEL=info to ${apiLog}) and the bare handler`);
  const apiEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(36).toString('base64url'),
    ADMIN_EMAIL: email,
    ADMIN_PASSWORD: password,
    LOG_LEVEL: 'info',
    DATA_DIR: path.join(workDir, 'data'),
    // The per-caller limit (1200/min by default) would answer 429 within a second to one token;
    // the limiter still runs on every request, it just does not trip.
    API_RATE_LIMIT_PER_MINUTE: '100000000',
  };
  const apiArgs = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, 'dist/server.js'] : ['dist/server.js'];
  const api = start('API', apiArgs, apiEnv, apiLog);
  await waitFor(`http://127.0.0.1:${apiPort}/health/ready`, api, apiLog);

  // The API has migrated and seeded the database by now.
  const bareLog = path.join(workDir, 'bare.log');
  const bare = start(
    'bare handler',
    [...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []), '--import', 'tsx', 'bench/bare-server.ts'],
    { PATH: process.env.PATH, NODE_ENV: 'production', BARE_DATABASE_URL: databaseUrl, BARE_PORT: String(barePort), BARE_POOL_SIZE: String(POOL_SIZE) },
    bareLog,
  );
  await waitFor(`http://127.0.0.1:${barePort}/health`, bare, bareLog);

  const login = await fetch(`http://127.0.0.1:${apiPort}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };

  const keys: string[] = [];
  {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const result = await client.query<{ kommunenummer: string }>('select kommunenummer from municipalities order by 1');
      keys.push(...result.rows.map((r) => r.kommunenummer));
    } finally {
      await client.end();
    }
  }
  if (keys.length === 0) throw new Error('no municipalities seeded');

  // Both must answer the same thing, or the comparison means nothing.
  const sample = keys[Math.floor(keys.length / 2)] ?? keys[0];
  const headers = { authorization: `Bearer ${accessToken}` };
  const [apiSample, bareSample] = await Promise.all(
    [apiPort, barePort].map(async (port) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/municipalities/${sample}`, { headers });
      if (!response.ok) throw new Error(`GET ${sample} on port ${port}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    }),
  );
  if (!isDeepStrictEqual(apiSample, bareSample)) {
    const extra = Object.keys(apiSample ?? {}).filter((key) => !(key in (bareSample ?? {})));
    log(`!! note: the API answers more or other than the bare handler for ${sample}${extra.length ? ` (extra fields: ${extra.join(', ')})` : ''};`);
    log('!!       update bench/bare-server.ts to keep the comparison fair.');
  }

  const targets = [
    { name: 'API (Fastify, auth, log)', url: `http://127.0.0.1:${apiPort}`, pid: api.pid, tally: new Tally() },
    { name: 'bare node:http + pg', url: `http://127.0.0.1:${barePort}`, pid: bare.pid, tally: new Tally() },
  ];
  log(
    `== ${keys.length} municipalities, ${CONNECTIONS} connections, pool ${POOL_SIZE}, ${os.cpus().length} CPUs: ` +
      `${WARMUP} s warm-up each, then ${DURATION} s each in ${ROUNDS} alternating rounds`,
  );
  let warmUpFailures = 0;
  for (const target of targets) {
    const warm = await fire(target.url, WARMUP, accessToken, keys);
    const bad = warm.result.non2xx + warm.result.errors + warm.result.timeouts;
    warmUpFailures += bad;
    log(`-- warm-up ${target.name}: ${warm.latencies.length} responses${bad ? `, ${bad} FAILED (non-2xx or errors)` : ''}`);
  }
  // A B, B A, A B ...: drifting background load falls on both alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
      const cpuBefore = cpuMs(target.pid);
      const measured = await fire(target.url, DURATION / ROUNDS, accessToken, keys);
      const cpuAfter = cpuMs(target.pid);
      target.tally.add(measured, cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore);
      log(`-- round ${round + 1} ${target.name}: ${(measured.latencies.length / measured.result.duration).toFixed(0)} req/s`);
    }
  }
  const [apiTarget, bareTarget] = targets;
  if (!apiTarget || !bareTarget) throw new Error('two targets expected');
  const [apiTally, bareTally] = [apiTarget.tally, bareTarget.tally];

  log();
  log(`${'target'.padEnd(24)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'requests'.padStart(9)} ${'non2xx'.padStart(7)} ${'errors'.padStart(7)} ${'CPU µs/req'.padStart(12)}`);
  for (const target of targets) log(row(target.name, target.tally));
  const ratio = apiTally.rate / bareTally.rate;
  log();
  log(`ratio API/bare (req/s): ${ratio.toFixed(2)}; target >= ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'MET' : 'NOT MET'}`);
  if (Number.isFinite(apiTally.cpuPerRequest) && Number.isFinite(bareTally.cpuPerRequest)) {
    // Each server is one event loop, so its ceiling is about 1 s of CPU / (CPU per request); this
    // ratio is what req/s would give without other load on the machine.
    const cpuRatio = bareTally.cpuPerRequest / apiTally.cpuPerRequest;
    log(`CPU per request: API ${apiTally.cpuPerRequest.toFixed(0)} µs, bare ${bareTally.cpuPerRequest.toFixed(0)} µs (bare/API ${cpuRatio.toFixed(2)}, less sensitive to other load on the machine)`);
  }

  // Logging was really on: one "request completed" line per request.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const logLines = readFileSync(apiLog, 'utf8').split('\n').filter((line) => line.includes('"request completed"')).length;
  log(`API log: ${logLines} request lines, ${(statSync(apiLog).size / 1e6).toFixed(1)} MB${process.env.BENCH_KEEP_LOG ? ` (${apiLog})` : ''}`);

  const failed = targets.filter((target) => target.tally.failures > 0);
  for (const { name, tally } of failed) {
    const codes = [...tally.codes].map(([code, count]) => `${code}: ${count}`).join(', ');
    log(`FAIL ${name}: ${tally.non2xx} non-2xx (${codes}), ${tally.errors} errors, ${tally.timeouts} timeouts`);
  }
  if (warmUpFailures > 0) log(`FAIL ${warmUpFailures} non-2xx answers or errors during the warm-up`);
  if (failed.length === 0 && warmUpFailures === 0) log('OK: no non-2xx answers, no errors');
  return failed.length > 0 || warmUpFailures > 0 ? 1 : 0;
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
