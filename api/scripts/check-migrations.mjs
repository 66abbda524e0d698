// `pnpm db:check`: fails when the drizzle schema has changes that no migration captures, or when the
// migrations folder is inconsistent (a journal entry without its SQL file, or an SQL file that no
// journal entry lists, which the migrator would silently skip).
//
// It never touches the real migrations folder: it copies it to a temporary folder, runs
// `drizzle-kit generate` with a temporary config (the project's drizzle.config.ts with `out` pointed
// at the copy) and compares the copy before and after.
import { spawn } from 'node:child_process';
import console from 'node:console';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configFile = path.join(apiDir, 'drizzle.config.ts');
const GENERATE_TIMEOUT_MS = 120_000;
const DIFFER = 'schema and migrations differ: run pnpm db:generate';

/** Every file under `dir` (relative path → sha256 of the content). */
function snapshot(dir) {
  const files = new Map();
  const walk = (sub) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(relative);
      else files.set(relative, createHash('sha256').update(readFileSync(path.join(dir, relative))).digest('hex'));
    }
  };
  if (existsSync(dir)) walk('');
  return files;
}

/** Problems with the folder as it is: journal entries without SQL, SQL without a journal entry. */
function checkJournal(dir) {
  const problems = [];
  const journalFile = path.join(dir, 'meta', '_journal.json');
  if (!existsSync(journalFile)) return [`${path.relative(process.cwd(), journalFile)} is missing`];
  let journal;
  try {
    journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  } catch (error) {
    return [`meta/_journal.json is not valid JSON: ${error.message}`];
  }
  const entries = Array.isArray(journal.entries) ? journal.entries : [];
  const listed = new Set();
  entries.forEach((entry, position) => {
    if (typeof entry.tag !== 'string') {
      problems.push(`journal entry ${position} has no tag`);
      return;
    }
    listed.add(`${entry.tag}.sql`);
    if (entry.idx !== position) problems.push(`journal entry ${entry.tag} has idx ${entry.idx}, expected ${position}`);
    if (!existsSync(path.join(dir, `${entry.tag}.sql`))) problems.push(`journal lists ${entry.tag}, but ${entry.tag}.sql does not exist`);
    const snapshotFile = path.join(dir, 'meta', `${String(position).padStart(4, '0')}_snapshot.json`);
    if (!existsSync(snapshotFile)) problems.push(`snapshot meta/${path.basename(snapshotFile)} for ${entry.tag} does not exist`);
  });
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.sql') && !listed.has(file)) problems.push(`${file} is not in meta/_journal.json, so it would never run`);
  }
  return problems;
}

function generate(tmpConfig) {
  return new Promise((resolve, reject) => {
    // stdin closed: a rename question (drizzle-kit asks when a column or table disappears and
    // another appears) cannot wait for an answer; it fails or times out instead.
    const child = spawn('pnpm', ['exec', 'drizzle-kit', 'generate', '--config', tmpConfig], {
      cwd: apiDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), GENERATE_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

async function main() {
  const { default: config } = await tsImport(pathToFileURL(configFile).href, import.meta.url);
  if (!config?.out) throw new Error(`${configFile} has no "out" folder`);
  const migrationsDir = path.resolve(apiDir, config.out);
  const schema = (Array.isArray(config.schema) ? config.schema : [config.schema]).map((entry) => path.resolve(apiDir, entry));
  console.log(`db:check: ${path.relative(process.cwd(), migrationsDir) || '.'} against ${schema.map((s) => path.relative(process.cwd(), s)).join(', ')}`);

  if (!existsSync(migrationsDir) || !statSync(migrationsDir).isDirectory()) {
    console.error(`db:check: the migrations folder ${migrationsDir} does not exist.\n${DIFFER}`);
    return 1;
  }
  const journalProblems = checkJournal(migrationsDir);
  if (journalProblems.length > 0) {
    console.error(`db:check: the migrations folder is inconsistent:\n${journalProblems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'alis-db-check-'));
  try {
    const copy = path.join(tmp, 'migrations');
    cpSync(migrationsDir, copy, { recursive: true });
    const tmpConfig = path.join(tmp, 'drizzle.config.ts');
    // drizzle-kit puts "./" before `out` and `schema`: they must be relative to its cwd (api/).
    const relative = (file) => path.relative(apiDir, file).split(path.sep).join('/');
    const schemaOption = schema.length === 1 ? relative(schema[0]) : schema.map(relative);
    writeFileSync(
      tmpConfig,
      `import base from ${JSON.stringify(configFile)};\n` +
        `export default { ...base, schema: ${JSON.stringify(schemaOption)}, out: ${JSON.stringify(relative(copy))} };\n`,
    );

    const before = snapshot(copy);
    const { code, signal, output } = await generate(tmpConfig);
    const after = snapshot(copy);

    const added = [...after.keys()].filter((file) => !before.has(file));
    const changed = [...after.keys()].filter((file) => before.has(file) && before.get(file) !== after.get(file));
    const removed = [...before.keys()].filter((file) => !after.has(file));

    const filesChanged = added.length + changed.length + removed.length > 0;
    // drizzle-kit exits 0 even when it fails (a broken snapshot, a schema that does not load), so
    // "no changes" is believed only when it says so.
    const confirmedSame = code === 0 && !filesChanged && /No schema changes/i.test(output);
    if (!confirmedSame && !filesChanged) {
      const asked = /Interactive prompts|created or renamed|rename/i.test(output) || signal !== null;
      console.error(output.trim());
      if (asked) {
        console.error(`\ndb:check: drizzle-kit wants to ask whether something was renamed, so the schema has changed.\n${DIFFER}`);
      } else {
        console.error(`\ndb:check: drizzle-kit generate failed or said neither "no changes" nor wrote a migration (exit ${code ?? signal}); see above.`);
      }
      return 1;
    }
    if (filesChanged) {
      console.error(`db:check: drizzle-kit generate would change the migrations folder:`);
      for (const file of added) console.error(`  + ${file}`);
      for (const file of changed) console.error(`  ~ ${file}`);
      for (const file of removed) console.error(`  - ${file}`);
      for (const file of added.filter((f) => f.endsWith('.sql'))) {
        console.error(`\n--- ${file} (what is missing) ---\n${readFileSync(path.join(copy, file), 'utf8').trim()}`);
      }
      console.error(`\n${DIFFER}`);
      return 1;
    }
    const journal = JSON.parse(readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8'));
    console.log(`db:check: OK, ${journal.entries.length} migrations match the schema`);
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`db:check: ${error.stack ?? error}`);
    process.exit(1);
  },
);
