import { type Server, type Socket, connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NEEDS_POSTGRES,
  adminAuth,
  adminQuery,
  createProcessDatabase,
  freePort,
  isReady,
  needsPostgres,
  startApi,
  type ApiProcess,
} from './support/server-process.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

if (needsPostgres) console.info(`database-faults.test.ts skipped: ${NEEDS_POSTGRES}`);

let hpr = 6_100_000;
const newDoctor = (baseUrl: string, auth: { authorization: string }) =>
  fetch(`${baseUrl}/api/v1/doctors`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ hprNumber: String(hpr++), name: 'Lege Under Last' }),
  }).then(
    async (response) => ({ status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() }),
    (error: unknown) => ({ status: 0, retryAfter: null, body: String(error) }),
  );

/** A TCP proxy in front of PostgreSQL that a test can cut and restore, as a network or a failover would. */
async function databaseProxy(): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const target = new URL(TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432');
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', resolve);
    });
  const cut = async () => {
    await new Promise<void>((resolve) => {
      if (!server) resolve();
      else server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
    server = undefined;
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}

describe.skipIf(needsPostgres)('the API when the database goes away', () => {
  let database: Awaited<ReturnType<typeof createProcessDatabase>>;
  beforeAll(async () => {
    database = await createProcessDatabase();
  });
  afterAll(() => database.drop());

  it('lives through terminated sessions under concurrent writes, answers 503 meanwhile and serves again', async () => {
    const api = await startApi({ databaseUrl: database.url });
    try {
      const auth = await adminAuth(api.baseUrl);
      const writes = Array.from({ length: 300 }, () => newDoctor(api.baseUrl, auth));
      await new Promise((resolve) => setTimeout(resolve, 40));
      await adminQuery('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database.name]);
      const results = await Promise.all(writes);

      expect(api.alive(), api.output()).toBe(true);
      for (const result of results) {
        expect([201, 503], result.body).toContain(result.status);
        if (result.status === 503) {
          expect(result.retryAfter).toMatch(/^\d+$/);
          expect(JSON.parse(result.body)).toMatchObject({ code: 'service_unavailable' });
        }
      }
      expect(await isReady(api.baseUrl)).toBe(true);
      expect((await newDoctor(api.baseUrl, auth)).status).toBe(201);
    } finally {
      await api.stop();
    }
  });

  it('says it is not ready while the database cannot be reached, and ready again by itself when it returns', async () => {
    const proxy = await databaseProxy();
    const viaProxy = new URL(database.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    let api: ApiProcess | undefined;
    try {
      api = await startApi({ databaseUrl: viaProxy.toString() });
      const auth = await adminAuth(api.baseUrl);
      await proxy.cut();

      const ready = await fetch(`${api.baseUrl}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toMatch(/^\d+$/);
      const write = await newDoctor(api.baseUrl, auth);
      expect(write.status, write.body).toBe(503);
      expect(write.retryAfter).toMatch(/^\d+$/);
      expect(api.alive()).toBe(true);

      await proxy.restore();
      const deadline = Date.now() + 20_000;
      while (!(await isReady(api.baseUrl)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await isReady(api.baseUrl)).toBe(true);
      expect((await newDoctor(api.baseUrl, auth)).status).toBe(201);
    } finally {
      await api?.stop();
      await proxy.close();
    }
  });
});
