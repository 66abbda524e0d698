import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';
import { TEST_DATABASE_URL, withDatabase } from './test-env.js';

/**
 * The API as its own process, started from source (the suite runs before the build): for what only
 * a process shows (it dies or not, it is killed between commit and response, it shuts down). These
 * run against PostgreSQL, where several processes can share one database.
 */
const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ADMIN_EMAIL = 'process-admin@example.no';
export const ADMIN_PASSWORD = 'a process admin password';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A database of its own for a process test: a copy of the run's migrated template. */
export async function createProcessDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const template = inject('templateDatabase');
  if (!TEST_DATABASE_URL || !template) throw new Error('process tests need PostgreSQL (DATABASE_URL)');
  const name = `${template}_p${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(4219002)');
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(TEST_DATABASE_URL, name),
    name,
    drop: () => adminQuery(`drop database if exists ${name} with (force)`).then(() => undefined),
  };
}

/** A statement as PostgreSQL's superuser, on the server (terminate backends, drop a database …) or in `databaseUrl`. */
export async function adminQuery(text: string, values: unknown[] = [], databaseUrl = TEST_DATABASE_URL): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

export interface ApiProcess {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  alive(): boolean;
  /** Resolves when the process has exited (for whatever reason). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  env?: Record<string, string>;
  /** A module loaded before the server (`--import`), e.g. one that kills the process at a chosen moment. */
  preload?: string;
  port?: number;
}

/** Starts `src/server.ts` and waits until it is ready. */
export async function startApi(options: StartOptions): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    JWT_SECRET: 'a process test secret that is long enough for HS256',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const args = ['--import', 'tsx', ...(options.preload ? ['--import', options.preload] : []), 'src/server.ts'];
  const child = spawn(process.execPath, args, { cwd: apiDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const running: ApiProcess = {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    alive,
    exited,
    async stop() {
      if (alive()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!alive()) throw new Error(`the API exited before it was ready:\n${output}`);
    if (await isReady(running.baseUrl)) return running;
    if (Date.now() > deadline) {
      await running.stop();
      throw new Error(`the API was not ready within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const isReady = (baseUrl: string) =>
  fetch(`${baseUrl}/health/ready`).then(
    (response) => response.status === 200,
    () => false,
  );

/** An admin's bearer header on a running API. */
export async function adminAuth(baseUrl: string): Promise<{ authorization: string }> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

/** Skips a file's tests on the embedded engine, saying why. */
export const needsPostgres = !TEST_DATABASE_URL;
export const NEEDS_POSTGRES = 'needs PostgreSQL (several processes or sessions): runs when DATABASE_URL is set, as in CI';
