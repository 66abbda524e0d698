import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { guardedAgent } from '../../lib/outbound.js';
import { deliverPending } from './webhook-delivery.js';
import { webhooksRepo } from './webhooks.repo.js';

export const WEBHOOK_QUEUE = 'webhook-delivery';
/** Deliveries running at once per instance (each for another webhook: one webhook is one job at a time). */
const WORKERS = 4;
/** How long a delivery attempt stays listed. */
const DELIVERY_LOG_DAYS = 30;

/**
 * Delivers webhooks from the job queue. Each instance looks for webhooks with events due every
 * WEBHOOK_DISPATCH_INTERVAL_MS and queues one job per webhook; the queue's `stately` policy keeps at
 * most one queued and one running job per webhook across instances (its singleton key), so
 * deliveries to one receiver are one at a time, in order. A failed delivery queues its own retry.
 */
export default fp(
  (app: FastifyInstance, _options, done) => {
    const jobs = app.jobs;
    if (!jobs) {
      done();
      return;
    }
    const { config, log } = app;
    const db = app.database.db;
    const policy = { allowLoopback: config.WEBHOOK_ALLOW_HTTP_LOOPBACK };
    const agent = guardedAgent(policy, config.WEBHOOK_TIMEOUT_MS);
    const secrets = app.sealer('webhook-secret');
    const settings = {
      retryForMs: config.WEBHOOK_RETRY_HOURS * 3_600_000,
      retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
      openSecret: (sealed: string) => secrets.open(sealed),
      policy,
      agent,
    };
    const wake = (webhookId: string, startAfter?: Date) =>
      jobs.send(WEBHOOK_QUEUE, { webhookId }, { singletonKey: webhookId, ...(startAfter ? { startAfter } : {}) });

    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      await jobs.createQueue(WEBHOOK_QUEUE, { name: WEBHOOK_QUEUE, policy: 'stately', retryLimit: 0 });
      for (let i = 0; i < WORKERS; i++) {
        await jobs.work<{ webhookId: string }>(WEBHOOK_QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
          if (!job) return;
          const { retryAt } = await deliverPending(db, job.data.webhookId, settings);
          if (retryAt) await wake(job.data.webhookId, retryAt);
        });
      }
      const dispatch = async () => {
        for (const id of await webhooksRepo.due(db, 500)) await wake(id);
      };
      timer = setInterval(() => {
        dispatch().catch((error: unknown) => log.warn({ err: error }, 'webhook dispatch failed'));
      }, config.WEBHOOK_DISPATCH_INTERVAL_MS);
      timer.unref();
    });
    app.addHook('preClose', (next) => {
      clearInterval(timer);
      next();
    });
    app.addHook('onClose', async () => {
      await agent.close();
    });
    app.decorate('purgeWebhookDeliveries', () => webhooksRepo.purgeDeliveriesOlderThan(db, DELIVERY_LOG_DAYS));
    done();
  },
  { name: 'webhook-worker', dependencies: ['core', 'jobs'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    purgeWebhookDeliveries?: () => Promise<void>;
  }
}
