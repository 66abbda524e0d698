// `pnpm lint:openapi`: lints the OpenAPI document the API serves with Spectral (`spectral:oas` and
// the OWASP API security ruleset, waivers in /.spectral.yaml) and fails on any error.
// The app is built in-process exactly as the server builds it, on an in-memory embedded database,
// and asked for /api/openapi.json; the answer goes to a temporary file that Spectral reads.
// PUBLIC_BASE_URL is taken from the environment; unset, a deployment's https address stands in for
// the local default (plain http://localhost:3000, which the OWASP rules rightly refuse for a deployment).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import app, { fastifyOptions } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrateAndSeed } from '../src/db/migrate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function servedDocument(): Promise<string> {
  const config = parseConfig({
    ...process.env,
    DATABASE_URL: '',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL || 'https://alis.example',
  });
  const database = await openDatabase({ embeddedDataDir: 'memory://' });
  await migrateAndSeed(database, { migrationsDir: config.MIGRATIONS_DIR, seedDir: config.SEED_DIR });
  const server = Fastify({ ...fastifyOptions(config), logger: false });
  server.addHook('onClose', () => database.close());
  await server.register(app, { config, database, jwtSecret: 'a secret only for reading the document, never for signing' });
  try {
    const response = await server.inject({ method: 'GET', url: '/api/openapi.json' });
    if (response.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${response.statusCode}: ${response.body}`);
    return response.body;
  } finally {
    await server.close();
  }
}

const document = await servedDocument();
// Inside the repository (and not in a dot-folder), so the ruleset's per-path overrides match it.
const folder = mkdtempSync(path.join(root, 'api', 'openapi-lint-'));
try {
  const file = path.join(folder, 'openapi.json');
  writeFileSync(file, document);
  const spectral = path.join(root, 'node_modules', '.bin', 'spectral');
  const args = ['lint', file, '--ruleset', path.join(root, '.spectral.yaml'), '--fail-severity', 'error', '--display-only-failures'];
  const result = spawnSync(spectral, args, { stdio: 'inherit' });
  if (result.error) throw result.error;
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
