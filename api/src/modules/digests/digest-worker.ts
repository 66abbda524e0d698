import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import nodemailer from 'nodemailer';
import { servePolledQueue } from '../../plugins/jobs.js';
import { planRulesOf } from '../agreements/agreements.service.js';
import { dueWeek, sendDigest } from './digest-delivery.js';
import { digestsRepo } from './digests.repo.js';

export const DIGEST_QUEUE = 'weekly-digest';
const WORKERS = 2;

/**
 * Sends the weekly digests from the job queue, when SMTP_URL is set. Each instance, every
 * DIGEST_DISPATCH_INTERVAL_MS: makes this week's (from Monday at DIGEST_DUE_HOUR) digest rows (the unique key on user and week makes
 * each once, whatever the number of instances), then queues one job per pending digest that is
 * due; the queue's `stately` policy and the row lock keep one send per digest at a time.
 */
export default fp(
  (app: FastifyInstance, _options, done) => {
    const { config, jobs } = app;
    if (!jobs || !config.SMTP_URL) {
      done();
      return;
    }
    const db = app.database.db;
    const transport = nodemailer.createTransport(config.SMTP_URL);
    const settings = {
      transport,
      from: config.MAIL_FROM,
      appUrl: config.APP_URL,
      retryBaseMs: config.DIGEST_RETRY_BASE_MS,
      maxAttempts: config.DIGEST_MAX_ATTEMPTS,
      planRules: planRulesOf(config),
    };
    servePolledQueue<{ deliveryId: string }>(app, jobs, {
      name: DIGEST_QUEUE,
      workers: WORKERS,
      intervalMs: config.DIGEST_DISPATCH_INTERVAL_MS,
      keyOf: (data) => data.deliveryId,
      due: async () => {
        const week = dueWeek(new Date(), config.DIGEST_DUE_HOUR);
        if (week) await digestsRepo.makeDue(db, week);
        return (await digestsRepo.due(db, new Date(), 500)).map((deliveryId) => ({ deliveryId }));
      },
      work: async ({ deliveryId }) => (await sendDigest(db, deliveryId, settings)).retryAt,
    });
    app.addHook('onClose', () => {
      transport.close();
    });
    done();
  },
  { name: 'digest-worker', dependencies: ['core', 'jobs'] },
);
