import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { guardedAgent } from '../../lib/outbound.js';
import { servePolledQueue } from '../../plugins/jobs.js';
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
    const { config } = app;
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
    servePolledQueue<{ webhookId: string }>(app, jobs, {
      name: WEBHOOK_QUEUE,
      workers: WORKERS,
      intervalMs: config.WEBHOOK_DISPATCH_INTERVAL_MS,
      keyOf: (data) => data.webhookId,
      due: async () => (await webhooksRepo.due(db, 500)).map((webhookId) => ({ webhookId })),
      work: async ({ webhookId }) => (await deliverPending(db, webhookId, settings)).retryAt,
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
