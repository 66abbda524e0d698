// The baseline for the municipality benchmark: node:http + pg and nothing else (no framework, no
// auth, no validation, no logging), running the SQL the API's prepared statement runs
// (municipalitiesRepo.get) with the same pool size. Started by municipality-lookup.ts as a child
// process, like the API, so that neither shares an event loop with the load generator.
//
//   BARE_DATABASE_URL=postgres://... BARE_PORT=4001 BARE_POOL_SIZE=10 node --import tsx bench/bare-server.ts
import http from 'node:http';
import pg from 'pg';

const databaseUrl = process.env.BARE_DATABASE_URL;
const port = Number(process.env.BARE_PORT ?? 0);
const poolSize = Number(process.env.BARE_POOL_SIZE ?? 10);
if (!databaseUrl) throw new Error('BARE_DATABASE_URL is required');

// Like drizzle: `date` columns stay 'YYYY-MM-DD' strings (pg would make a local-time Date).
const DATE_OID = 1082;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    return (pg.types.getTypeParser as (oid: number, format?: string) => (value: string) => unknown)(oid, format);
  },
};

const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000, types });
pool.on('error', () => undefined);

// Same text as drizzle's `municipality_by_number` statement: same columns, join and predicates.
const query = {
  name: 'bare_municipality_by_number',
  text:
    'select "municipalities"."kommunenummer", "municipalities"."name", "municipalities"."short_name", ' +
    '"municipalities"."county_number", "counties"."name", "municipalities"."office_code", ' +
    '"municipalities"."organisation_number", "municipalities"."centrality_class", "municipalities"."population", ' +
    '"municipalities"."recruitment_challenged", "municipalities"."contact_name", "municipalities"."contact_email", ' +
    '"municipalities"."contact_phone", "municipalities"."notes", "municipalities"."valid_from", ' +
    '"municipalities"."valid_to", "municipalities"."version", "municipalities"."updated_at" ' +
    'from "municipalities" inner join "counties" on "counties"."county_number" = "municipalities"."county_number" ' +
    'where ("municipalities"."kommunenummer" = $1 and ($2::text is null or "municipalities"."office_code" = $3) ' +
    'and ($4::text is null or "municipalities"."kommunenummer" = $5))',
  rowMode: 'array' as const,
};

type Row = [
  string, string, string, string, string, string, string | null, number | null, number | null, boolean,
  string | null, string | null, string | null, string | null, string, string | null, number, Date,
];

const toJson = (r: Row) =>
  JSON.stringify({
    kommunenummer: r[0],
    name: r[1],
    shortName: r[2],
    countyNumber: r[3],
    countyName: r[4],
    officeCode: r[5],
    organisationNumber: r[6],
    centralityClass: r[7],
    population: r[8],
    recruitmentChallenged: r[9],
    contactName: r[10],
    contactEmail: r[11],
    contactPhone: r[12],
    notes: r[13],
    validFrom: r[14],
    validTo: r[15],
    version: r[16],
    updatedAt: r[17].toISOString(),
  });

const PREFIX = '/api/v1/municipalities/';

const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  if (url === '/health') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  if (req.method !== 'GET' || !url.startsWith(PREFIX)) {
    res.writeHead(404).end();
    return;
  }
  const kommunenummer = url.slice(PREFIX.length);
  pool.query<Row>({ ...query, values: [kommunenummer, null, null, null, null] }).then(
    (result) => {
      const row = result.rows[0];
      if (!row) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":404}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: `"v${row[16]}"` }).end(toJson(row));
    },
    () => {
      res.writeHead(500).end();
    },
  );
});
server.keepAliveTimeout = 72_000;

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`bare server on 127.0.0.1:${port}\n`);
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
