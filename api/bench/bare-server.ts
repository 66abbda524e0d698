// The baseline `pnpm bench` compares the API with: node:http + pg and nothing else (no framework, no
// auth, no validation, no logging), answering the paths of bench/endpoints.ts with the API's SQL
// (named prepared statements unless BARE_PREPARE=as-api) on a pool of the API's size, and
// JSON.stringify (pg's own Query unless BARE_DRIVER=lean: the API's LeanExecution). The caller is fixed: the office user the harness logs in as (BARE_OFFICE_CODE).
// Started by run.ts as a child process, like the API, so that neither shares an event loop with
// the load generator.
//
//   BARE_DATABASE_URL=postgres://... BARE_PORT=4001 BARE_POOL_SIZE=10 BARE_OFFICE_CODE=ost node --import tsx bench/bare-server.ts
import http from 'node:http';
import { type PrepareMode, barePool, driverMode, runner } from './bare.js';
import { ENDPOINTS } from './endpoints.js';

const databaseUrl = process.env.BARE_DATABASE_URL;
const port = Number(process.env.BARE_PORT ?? 0);
const poolSize = Number(process.env.BARE_POOL_SIZE ?? 10);
const officeCode = process.env.BARE_OFFICE_CODE;
const mode: PrepareMode = process.env.BARE_PREPARE === 'as-api' ? 'as-api' : 'named';
if (!databaseUrl) throw new Error('BARE_DATABASE_URL is required');
if (!officeCode) throw new Error('BARE_OFFICE_CODE is required');

const pool = barePool(databaseUrl, poolSize);
const run = runner(pool, mode, undefined, driverMode(process.env.BARE_DRIVER));
const caller = { officeCode };

const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  if (url === '/health') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  for (const endpoint of ENDPOINTS) {
    const match = req.method === 'GET' ? endpoint.route.exec(url) : null;
    if (!match) continue;
    endpoint.bare(run, match[1] ?? '', caller).then(
      (answer) => {
        const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json; charset=utf-8' };
        if (answer.etag) headers.etag = answer.etag;
        res.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
      },
      () => {
        res.writeHead(500).end();
      },
    );
    return;
  }
  res.writeHead(404).end();
});
server.keepAliveTimeout = 72_000;

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`bare server on 127.0.0.1:${port} (${mode} statements, office ${officeCode})\n`);
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
