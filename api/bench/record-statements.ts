// `pnpm bench:statements`: writes bench/statements.ts, the SQL the bare handlers send, from what the
// API's own services send for each endpoint (a throwaway database with demo data, an office user).
// Run it after changing a query the bench measures; `pnpm bench` then checks that each bare handler
// sends these statements with the API's values and answers what the API answers.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listAgreementsQuery } from '@alis/shared';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { seedDemoData } from '../src/db/demo-data.js';
import { migrateAndSeed } from '../src/db/migrate.js';
import type { Principal } from '../src/lib/principal.js';
import type { Services } from '../src/services.js';
import { apiStatements, officePrincipal } from './api-statements.js';
import { ENDPOINTS } from './endpoints.js';

/** Which constant each endpoint's statements become, in the order the API sends them. */
const NAMES: Record<string, string[]> = {
  'municipality-get': ['MUNICIPALITY_BY_NUMBER'],
  'municipalities-list': ['MUNICIPALITIES_OF_OFFICE', 'MUNICIPALITIES_TOTAL'],
  'agreements-list': ['AGREEMENTS_IN_MUNICIPALITY', 'REGISTRATION_PERIODS', 'VEILEDER_SUPERVISIONS', 'OPEN_AGREEMENTS', 'SHARES', 'AGREEMENTS_TOTAL'],
  'agreements-office-list': ['AGREEMENTS_OF_OFFICE', 'REGISTRATION_PERIODS', 'VEILEDER_SUPERVISIONS', 'OPEN_AGREEMENTS', 'SHARES', 'AGREEMENTS_OF_OFFICE_TOTAL'],
  'agreement-get': ['AGREEMENT_BY_ID', 'REGISTRATION_PERIODS_OF_AGREEMENT', 'VEILEDER_SUPERVISIONS_OF_ONE', 'OPEN_AGREEMENTS_OF_AGREEMENTS_DOCTOR', 'SHARES'],
  'doctors-list': ['DOCTORS_OF_OFFICE', 'DOCTORS_TOTAL'],
  'doctor-get': ['DOCTOR_BY_ID'],
  'supervisors-list': ['SUPERVISORS_OF_OFFICE', 'SUPERVISORS_TOTAL'],
  'supervisor-get': ['SUPERVISOR_BY_ID', 'SUPERVISIONS_OF'],
  'grant-applications-list': ['GRANT_APPLICATIONS_PAGE', 'GRANT_APPLICATIONS_TOTAL'],
};

/** A call of the API's services whose statements are recorded under `names`, in the order it sends them. */
interface Call {
  what: string;
  api: (services: Services, principal: Principal) => Promise<unknown>;
  names: string[] | undefined;
}

/**
 * Statements that no endpoint sends for its first key but that a bare handler sends for others: a page
 * of one agreement binds its one id and its one doctor as themselves (the API's `oneOrAnyOf`).
 */
const EXTRA: Call[] = [
  {
    what: 'a page of one agreement',
    api: (services, principal) => services.agreements.list(principal, listAgreementsQuery.parse({ limit: 1 })),
    names: ['AGREEMENTS_OF_OFFICE', 'REGISTRATION_PERIODS', 'VEILEDER_SUPERVISIONS_OF_ONE', 'OPEN_AGREEMENTS_OF_ONE_DOCTOR', 'SHARES', 'AGREEMENTS_OF_OFFICE_TOTAL'],
  },
];

const OFFICE = 'nord';
// Like pnpm bench: a database on DATABASE_URL's server, or the local one.
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = `alis_statements_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${databaseName}`);
const url = new URL(serverUrl);
url.pathname = `/${databaseName}`;
const databaseUrl = url.toString();

/** A statement's text as TypeScript string pieces of about 110 characters, split at spaces. */
function literal(text: string): string {
  const pieces: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + word.length + 1 > 110) {
      pieces.push(`${current} `);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  pieces.push(current);
  return pieces.map((piece) => `'${piece.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`).join(' +\n    ');
}

try {
  const database = await openDatabase({ databaseUrl });
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  await migrateAndSeed(database, { migrationsDir: path.join(projectRoot, 'migrations'), seedDir: path.join(projectRoot, 'seed') });
  await seedDemoData(database.db, { scale: 1 });
  await database.close();
  const keys = new pg.Client({ connectionString: databaseUrl });
  await keys.connect();
  const capture = apiStatements(databaseUrl);
  const texts = new Map<string, string>();
  try {
    const calls: Call[] = [];
    for (const endpoint of ENDPOINTS) {
      const key = endpoint.keys === null ? '' : String((await keys.query<[string]>({ text: endpoint.keys, values: [OFFICE], rowMode: 'array' })).rows[0]?.[0]);
      calls.push({ what: endpoint.name, api: (services, principal) => endpoint.api(services, principal, key), names: NAMES[endpoint.name] });
    }
    calls.push(...EXTRA);
    for (const { what, api, names } of calls) {
      if (!names) throw new Error(`${what}: add its statements' names to NAMES`);
      const sent = await capture.capture((services) => api(services, officePrincipal(OFFICE)));
      if (sent.length !== names.length) throw new Error(`${what}: the API sent ${sent.length} statements, NAMES lists ${names.length}`);
      sent.forEach((statement, index) => {
        const name = names[index] ?? '';
        const known = texts.get(name);
        if (known !== undefined && known !== statement.text) throw new Error(`${name}: the API sends two texts under one name`);
        texts.set(name, statement.text);
      });
    }
  } finally {
    await capture.close();
    await keys.end();
  }
  const body = [...texts]
    .map(([name, text]) => `export const ${name}: BareStatement = {\n  name: 'bare_${name.toLowerCase()}',\n  apiPrepares: true,\n  text:\n    ${literal(text)},\n};\n`)
    .join('\n');
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'statements.ts');
  writeFileSync(
    file,
    `// The API's statements, as its services send them (each a named prepared statement there too).\n` +
      `// Written by \`pnpm bench:statements\` (bench/record-statements.ts): do not edit by hand.\n` +
      `import type { BareStatement } from './bare.js';\n\n${body}`,
  );
  console.log(`wrote ${texts.size} statements to ${path.relative(process.cwd(), file)}`);
} finally {
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
}
