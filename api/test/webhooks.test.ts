import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as contract from '@alis/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { refusedAddress, refusedTarget } from '../src/lib/outbound.js';
import { retryDelayMs } from '../src/modules/webhooks/webhook-delivery.js';
import { type TestApp, buildTestApp, createTestDatabase } from './support/build-app.js';
import { waitFor } from './support/wait-for.js';
import { bodyOf } from './support/expect.js';
import { type Cast, type Caller, createCast, expectProblem, http } from './support/factories.js';
import { NEEDS_POSTGRES, freePort, needsPostgres } from './support/server-process.js';

/**
 * Webhooks (issue 12): a real receiver of its own process on 127.0.0.1 verifies every signature,
 * fails on purpose and is killed; deliveries come from the job queue, in order, at least once.
 */
const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const JOBS = { JOBS_ENABLED: 'true', WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true', WEBHOOK_DISPATCH_INTERVAL_MS: '100', WEBHOOK_RETRY_BASE_MS: '100' };

if (needsPostgres) console.info(`webhooks.test.ts: the two-instance test skipped: ${NEEDS_POSTGRES}`);

interface Receiver {
  url: string;
  control(body: { secret?: string; status?: number }): Promise<void>;
  received(): Promise<{ id: string; verified: boolean; status: number; body: contract.Event }[]>;
  kill(): Promise<void>;
}

/** A receiver on `port` (a free one by default), verifying with `settings.secret` and answering `settings.status` from its first delivery. */
async function startReceiver(port?: number, settings: { secret?: string; status?: number } = {}): Promise<Receiver> {
  const listenOn = port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/support/webhook-receiver.ts'], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH,
      RECEIVER_PORT: String(listenOn),
      ...(settings.secret === undefined ? {} : { RECEIVER_SECRET: settings.secret }),
      ...(settings.status === undefined ? {} : { RECEIVER_STATUS: String(settings.status) }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', () => reject(new Error('the receiver exited')));
  });
  const base = `http://127.0.0.1:${listenOn}`;
  return {
    url: `${base}/hook`,
    async control(body) {
      await fetch(`${base}/control`, { method: 'POST', body: JSON.stringify(body) });
    },
    async received() {
      return (await (await fetch(`${base}/received`)).json()) as Awaited<ReturnType<Receiver['received']>>;
    },
    async kill() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

const subscribe = async (t: TestApp, caller: Caller, body: Record<string, unknown>) =>
  bodyOf(await http(t).post('/api/v1/webhooks').set(caller.auth).send(body).expect(201), contract.createdWebhook);
const touch = (t: TestApp, caller: Caller, notes: string, kommunenummer = '1818') =>
  http(t).patch(`/api/v1/municipalities/${kommunenummer}`).set(caller.auth).send({ notes }).expect(200);
const notesOf = (deliveries: { body: contract.Event }[]) => deliveries.map((delivery) => (delivery.body.data as { notes: string }).notes);

describe('where webhooks may point', () => {
  it('allows only public unicast addresses, loopback only when allowed', async () => {
    const strict = { allowLoopback: false };
    expect(refusedAddress('93.184.216.34', strict)).toBeNull();
    for (const address of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '127.0.0.1', '::1', 'fd00:ec2::254', '::ffff:10.0.0.1', '0.0.0.0', '224.0.0.1']) {
      expect(refusedAddress(address, strict), address).not.toBeNull();
    }
    expect(refusedAddress('127.0.0.1', { allowLoopback: true })).toBeNull();
    expect(await refusedTarget('http://93.184.216.34/hook', strict)).toBe('must be https');
    expect(await refusedTarget('https://user:pw@93.184.216.34/hook', strict)).toBe('must not hold credentials');
    expect(await refusedTarget('https://169.254.169.254/latest/meta-data', strict)).toMatch(/refused address/);
    expect(await refusedTarget('https://localhost/hook', strict)).toMatch(/refused address/);
    expect(await refusedTarget('http://127.0.0.1:9/hook', { allowLoopback: true })).toBeNull();
    expect(retryDelayMs(1, 5_000)).toBe(5_000);
    expect(retryDelayMs(4, 5_000)).toBe(40_000);
    expect(retryDelayMs(40, 5_000)).toBe(3_600_000);
  });
});

describe('webhooks on one instance', () => {
  let t: TestApp;
  let cast: Cast;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await buildTestApp({ ...JOBS });
    cast = await createCast(t);
    receiver = await startReceiver();
  }, 60_000);
  afterAll(async () => {
    await receiver.kill().catch(() => undefined);
    await t.close();
  });

  it('refuses targets that are not allowed, shows the secret once, and keeps each client to its own', async () => {
    const refused = expectProblem(
      await http(t).post('/api/v1/webhooks').set(cast.heroyClient.auth).send({ url: 'https://10.0.0.5/hook', eventTypes: ['agreement.created'] }),
      400,
      'validation_failed',
    );
    expect(refused.errors).toEqual([expect.objectContaining({ path: 'url', code: 'not_allowed', params: { reason: 'refused_target' } })]);
    expectProblem(
      await http(t).post('/api/v1/webhooks').set(cast.heroyClient.auth).send({ url: receiver.url, eventTypes: ['agreement.created'], kommunenummer: '1804' }),
      400,
      'validation_failed',
    );
    expectProblem(await http(t).post('/api/v1/webhooks').set(cast.nordOffice.auth).send({ url: receiver.url, eventTypes: ['agreement.created'] }), 403, 'forbidden');

    const created = await subscribe(t, cast.heroyClient, { url: receiver.url, eventTypes: ['doctor.created'] });
    expect(created).toMatchObject({ kommunenummer: '1818', status: 'active', secret: expect.stringMatching(/^whsec_/) });
    const read = await http(t).get(`/api/v1/webhooks/${created.id}`).set(cast.heroyClient.auth).expect(200);
    expect(read.body).not.toHaveProperty('secret');
    await http(t).get(`/api/v1/webhooks/${created.id}`).set(cast.bodoClient.auth).expect(404);
    expect(bodyOf(await http(t).get('/api/v1/webhooks').set(cast.bodoClient.auth).expect(200), z.object({ items: z.array(contract.webhook) })).items).toEqual([]);
    await http(t).get(`/api/v1/webhooks/${created.id}`).set(cast.admin.auth).expect(200);
    await http(t).delete(`/api/v1/webhooks/${created.id}`).set(cast.bodoClient.auth).expect(404);
    await http(t).delete(`/api/v1/webhooks/${created.id}`).set(cast.heroyClient.auth).expect(204);
    await http(t).get(`/api/v1/webhooks/${created.id}`).set(cast.heroyClient.auth).expect(404);
  });

  it('delivers the events of its municipality, signed, in order, and lists every attempt', async () => {
    const hook = await subscribe(t, cast.heroyClient, { url: receiver.url, eventTypes: ['municipality.updated'] });
    await receiver.control({ secret: hook.secret, status: 204 });
    const before = (await receiver.received()).length;
    await touch(t, cast.admin, 'a');
    await touch(t, cast.admin, 'other', '1804');
    await touch(t, cast.admin, 'b');
    const arrived = await waitFor('two deliveries', async () => {
      const all = (await receiver.received()).slice(before);
      return all.length >= 2 ? all : undefined;
    });
    expect(notesOf(arrived)).toEqual(['a', 'b']);
    expect(arrived.every((delivery) => delivery.verified)).toBe(true);
    expect(arrived[0]?.id).toBe(arrived[0]?.body.id);
    // The attempt is recorded once the receiver has answered: the second may still be on its way.
    const deliveries = await waitFor('two recorded attempts', async () => {
      const page = bodyOf(await http(t).get(`/api/v1/webhooks/${hook.id}/deliveries`).set(cast.heroyClient.auth).expect(200), contract.pageOf(contract.webhookDelivery));
      return page.items.length >= 2 ? page : undefined;
    });
    expect(deliveries.items.map((delivery) => [delivery.outcome, delivery.statusCode])).toEqual([
      ['delivered', 204],
      ['delivered', 204],
    ]);
    await http(t).delete(`/api/v1/webhooks/${hook.id}`).set(cast.heroyClient.auth).expect(204);
  });

  it('retries a failing receiver with the same webhook-id, and survives the receiver being killed', async () => {
    const hook = await subscribe(t, cast.admin, { url: receiver.url, eventTypes: ['municipality.updated'], kommunenummer: '1820' });
    await receiver.control({ secret: hook.secret, status: 500 });
    const before = (await receiver.received()).length;
    await touch(t, cast.admin, 'one', '1820');
    await touch(t, cast.admin, 'two', '1820');
    // Fails twice or more, always on the first event: order is kept.
    const failures = await waitFor('failed attempts', async () => {
      const all = (await receiver.received()).slice(before);
      return all.length >= 2 ? all : undefined;
    });
    expect(new Set(failures.map((delivery) => delivery.id)).size).toBe(1);
    expect(notesOf(failures).every((notes) => notes === 'one')).toBe(true);
    const failing = bodyOf(await http(t).get(`/api/v1/webhooks/${hook.id}`).set(cast.admin.auth).expect(200), contract.webhook);
    expect(failing.failingSince).not.toBeNull();

    // Killed: nothing answers; then a new receiver on the same port that works.
    const port = Number(new URL(receiver.url).port);
    await receiver.kill();
    await touch(t, cast.admin, 'three', '1820');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Told the secret before it listens: a retry may arrive the moment it does.
    receiver = await startReceiver(port, { secret: hook.secret, status: 200 });
    const arrived = await waitFor('the three events', async () => {
      const all = await receiver.received();
      return all.length >= 3 ? all : undefined;
    });
    expect(notesOf(arrived)).toEqual(['one', 'two', 'three']);
    expect(arrived[0]?.id).toBe(failures[0]?.id);
    expect(arrived.every((delivery) => delivery.verified)).toBe(true);
    const recovered = bodyOf(await http(t).get(`/api/v1/webhooks/${hook.id}`).set(cast.admin.auth).expect(200), contract.webhook);
    expect(recovered).toMatchObject({ status: 'active', failingSince: null });
    await http(t).delete(`/api/v1/webhooks/${hook.id}`).set(cast.admin.auth).expect(204);
  }, 60_000);

});

describe('a receiver that never recovers', () => {
  it('gets its webhook disabled once the retry window has passed, which then says so', async () => {
    // A window of about two seconds instead of 24 hours.
    const t = await buildTestApp({ ...JOBS, WEBHOOK_RETRY_HOURS: '0.0006' });
    const cast = await createCast(t);
    const receiver = await startReceiver();
    try {
      const hook = await subscribe(t, cast.admin, { url: receiver.url, eventTypes: ['municipality.updated'], kommunenummer: '1833' });
      await receiver.control({ secret: hook.secret, status: 503 });
      await touch(t, cast.admin, 'never', '1833');
      const disabled = await waitFor('the webhook to be disabled', async () => {
        const read = bodyOf(await http(t).get(`/api/v1/webhooks/${hook.id}`).set(cast.admin.auth).expect(200), contract.webhook);
        return read.status === 'disabled' ? read : undefined;
      });
      expect(disabled.disabledReason).toMatch(/failed since/);
      expect((await receiver.received()).length).toBeGreaterThan(1);
    } finally {
      await receiver.kill();
      await t.close();
    }
  }, 60_000);
});

describe('checked again at delivery', () => {
  it('refuses to connect when the target is no longer allowed, whatever it was when the webhook was made', async () => {
    const database = await createTestDatabase();
    // Made where loopback was allowed; delivered by an instance where it is not (as a name that
    // came to resolve to an internal address would be).
    const maker = await buildTestApp({ WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true' }, { database });
    const cast = await createCast(maker);
    const receiver = await startReceiver();
    try {
      const hook = await subscribe(maker, cast.heroyClient, { url: receiver.url, eventTypes: ['municipality.updated'] });
      await maker.close();
      const deliverer = await buildTestApp({ ...JOBS, WEBHOOK_ALLOW_HTTP_LOOPBACK: 'false' }, { database });
      try {
        await touch(deliverer, cast.admin, 'to an internal address');
        const attempts = await waitFor('a refused attempt', async () => {
          const page = bodyOf(
            await http(deliverer).get(`/api/v1/webhooks/${hook.id}/deliveries`).set(cast.heroyClient.auth).expect(200),
            contract.pageOf(contract.webhookDelivery),
          );
          return page.items.length > 0 ? page.items : undefined;
        });
        expect(attempts[0]).toMatchObject({ outcome: 'failed', statusCode: null, error: expect.stringMatching(/refused target/) });
        expect(await receiver.received()).toEqual([]);
      } finally {
        await deliverer.close();
      }
    } finally {
      await receiver.kill();
      await database.close();
    }
  }, 60_000);
});

describe('durable across restarts', () => {
  it('delivers after the API restarts what was changed while it could not', async () => {
    const database = await createTestDatabase();
    const first = await buildTestApp({ ...JOBS }, { database });
    const cast = await createCast(first);
    const receiver = await startReceiver();
    try {
      const hook = await subscribe(first, cast.heroyClient, { url: receiver.url, eventTypes: ['municipality.updated'] });
      await receiver.control({ secret: hook.secret, status: 204 });
      // The instance stops at once after the change: the event waits in the feed.
      await first.database.db.execute(sql`update webhooks set next_attempt_at = now() + interval '1 hour' where id = ${hook.id}`);
      await touch(first, cast.admin, 'before the restart');
      await first.close();
      const second = await buildTestApp({ ...JOBS }, { database });
      try {
        await second.database.db.execute(sql`update webhooks set next_attempt_at = null where id = ${hook.id}`);
        const arrived = await waitFor('the delivery', async () => {
          const all = await receiver.received();
          return all.length >= 1 ? all : undefined;
        });
        expect(notesOf(arrived)).toEqual(['before the restart']);
      } finally {
        await second.close();
      }
    } finally {
      await receiver.kill();
      await database.close();
    }
  }, 60_000);
});

describe.skipIf(needsPostgres)('two instances delivering', () => {
  it('never sends the same event twice when both deliver from one database', async () => {
    const first = await buildTestApp({ ...JOBS });
    const second = await buildTestApp({ ...JOBS }, { database: first.database });
    const cast = await createCast(first);
    const receiver = await startReceiver();
    try {
      const hook = await subscribe(first, cast.heroyClient, { url: receiver.url, eventTypes: ['municipality.updated'] });
      await receiver.control({ secret: hook.secret, status: 204 });
      for (let i = 0; i < 20; i++) await touch(i % 2 === 0 ? first : second, cast.admin, `n${String(i)}`);
      const arrived = await waitFor('twenty deliveries', async () => {
        const all = await receiver.received();
        return all.length >= 20 ? all : undefined;
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const all = await receiver.received();
      expect(all).toHaveLength(20);
      expect(new Set(all.map((delivery) => delivery.id)).size).toBe(20);
      expect(notesOf(arrived)).toEqual(Array.from({ length: 20 }, (_, i) => `n${String(i)}`));
    } finally {
      await receiver.kill();
      await second.close();
      await first.close();
    }
  }, 60_000);
});
