import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERRORS } from '@alis/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/server-process.js';

/**
 * Runs every example of docs/integration.md, in order, against the API started as line 1 of the
 * Quick start starts it: the server with no configuration, an embedded database in a fresh data
 * folder and a generated first admin in `data/initial-admin.txt`. The shell examples run in one bash
 * session (as pasted into one terminal, so variables carry over), the TypeScript ones with tsx and
 * the session's exported variables. Each must exit 0 and print what the guide says it shows.
 */
const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const guidePath = path.resolve(apiDir, '../docs/integration.md');
const guide = readFileSync(guidePath, 'utf8');

interface Example {
  name: string;
  language: 'sh' | 'ts';
  code: string;
}
const examples: Example[] = [...guide.matchAll(/<!-- example: ([a-z0-9-]+) -->\n```(sh|ts)\n([\s\S]*?)\n```\n/g)].map((match) => ({
  name: match[1] as string,
  language: match[2] as 'sh' | 'ts',
  code: `${match[3]}\n`,
}));

/** What each example's output must show. */
const SHOWS: Record<string, RegExp[]> = {
  setup: [/^logged in as admin@alis\.local$/m],
  'register-client': [/^client alis_\S+, scopes \["read","write"\]$/m],
  token: [/^token_type Bearer, expires_in 900, scope read write$/m],
  scope: [/^\["1818"\]$/m, /^GET \/municipalities\/0301 as Herøy: 404$/m],
  etag: [/^read version "v\d+"$/m, /^Per Hansen$/m, /^stale write: 412 precondition_failed, current "v\d+"$/m],
  idempotency: [/^first ([0-9a-f-]{36}), retry \1, idempotent-replayed: true$/im],
  pagination: [/^read 357 municipalities of 357$/m],
  feed: [/^\d+ municipality\.updated 1818 contact=Per Hansen$/m],
  'feed-poller': [/ municipality\.updated municipality\/1818$/m, /^handled [1-9]\d* events; the next poll resumes after them$/m],
  'webhook-refused': [/^400 validation_failed: \["url refused_target"\]$/m, /^0$/m],
  'verify-webhook': [/^verified [a-z_]+\.[a-z]+$/m, /^tampered body refused: true$/m],
  errors: [/^hprNumber: invalid_format/m, /^name: too_small/m, /^shoeSize: unknown_field/m],
};

let api: ApiProcess | undefined;
let work = '';
let shell: ChildProcessWithoutNullStreams;
let shellOutput = '';
let shellExit: Promise<number | null>;

beforeAll(async () => {
  // Inside api/ so that the TypeScript examples resolve the packages they import (standardwebhooks).
  work = mkdtempSync(path.join(apiDir, '.guide-run-'));
  const dataDir = path.join(work, 'data');
  mkdirSync(dataDir);
  // As the Quick start: no database server, no secret, no admin configured (all generated in DATA_DIR).
  api = await startApi({
    databaseUrl: '',
    env: { DATA_DIR: dataDir, JWT_SECRET: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '', NODE_ENV: 'development' },
  });
  shell = spawn('bash', ['--noprofile', '--norc'], {
    cwd: work,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, BASE_URL: api.baseUrl, LANG: 'C.UTF-8' },
  });
  shell.stdout.on('data', (chunk: Buffer) => (shellOutput += chunk.toString()));
  shell.stderr.on('data', (chunk: Buffer) => (shellOutput += chunk.toString()));
  shellExit = new Promise((resolve) => shell.once('exit', (code) => resolve(code)));
  shell.stdin.write('set -euo pipefail\n');
}, 120_000);

afterAll(async () => {
  // Started last in beforeAll: absent when the API did not start.
  if (api) shell.stdin.end();
  await api?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
}, 30_000);

/** Runs a shell example in the session; resolves with what it printed, rejects when the session dies. */
async function runShell(example: Example): Promise<string> {
  const file = path.join(work, `${example.name}.sh`);
  writeFileSync(file, example.code);
  const start = shellOutput.length;
  const marker = `__example_${example.name}_done__`;
  // After each example the session's exported variables go to a file, for the TypeScript examples.
  shell.stdin.write(`source ${JSON.stringify(file)}\nnode -e 'process.stdout.write(JSON.stringify(process.env))' > env.json\necho ${marker}\n`);
  const finished = new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (shellOutput.includes(marker, start)) {
        clearInterval(check);
        resolve();
      }
    }, 50);
    void shellExit.then((code) => {
      clearInterval(check);
      reject(new Error(`example ${example.name} failed (bash exited ${code}):\n${shellOutput.slice(start)}`));
    });
  });
  await finished;
  return shellOutput.slice(start, shellOutput.indexOf(marker, start));
}

function runTypeScript(example: Example): string {
  const file = path.join(work, `${example.name}.ts`);
  writeFileSync(file, example.code);
  const env = JSON.parse(readFileSync(path.join(work, 'env.json'), 'utf8')) as NodeJS.ProcessEnv;
  const result = spawnSync(path.join(apiDir, 'node_modules', '.bin', 'tsx'), [file], { cwd: work, env, encoding: 'utf8', timeout: 60_000 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`example ${example.name} exited ${result.status}:\n${output}`);
  return output;
}

describe('docs/integration.md', () => {
  it('has named examples, each with what it must show', () => {
    const names = examples.map((example) => example.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(Object.keys(SHOWS).sort());
  });

  it('lists every error code with its status', () => {
    for (const [code, { status }] of Object.entries(ERRORS)) expect(guide, code).toContain(`| \`${code}\` | ${status} |`);
  });

  it('runs every example, in order, against the Quick start', { timeout: 240_000 }, async () => {
    for (const example of examples) {
      const output = example.language === 'sh' ? await runShell(example) : runTypeScript(example);
      for (const shown of SHOWS[example.name] ?? []) expect(output, `${example.name} prints ${shown}`).toMatch(shown);
    }
  });
});
