import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import PgBoss from 'pg-boss';

declare module 'fastify' {
  interface FastifyInstance {
    /** The job queue (pg-boss), or null when JOBS_ENABLED is false. */
    jobs: PgBoss | null;
  }
}

/**
 * The job queue: pg-boss, in the registry's own database (PostgreSQL or the embedded engine,
 * through `executeSql`), in its own schema `pgboss`. Jobs survive restarts and crashes; several
 * instances share the queue and never take the same job (SKIP LOCKED). Started when the app is
 * ready, stopped (waiting for running jobs) when it closes.
 */
export default fp(
  (app: FastifyInstance, _options, done) => {
    if (!app.config.JOBS_ENABLED) {
      app.decorate('jobs', null);
      done();
      return;
    }
    const boss = new PgBoss({
      db: { executeSql: (text, values) => app.database.executeSql(text, values) },
      schema: 'pgboss',
      supervise: true,
      schedule: false,
      migrate: true,
    });
    boss.on('error', (error) => app.log.warn({ err: error }, 'job queue'));
    app.decorate('jobs', boss);
    // Before the plugins that add queues and workers, which run their onReady hooks after this one.
    app.addHook('onReady', async () => {
      await boss.start();
    });
    app.addHook('onClose', async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    });
    done();
  },
  { name: 'jobs', dependencies: ['core'] },
);

/** A queue of work found by polling: what is due is queued, one job per key at a time across instances. */
export interface PolledQueue<T extends object> {
  name: string;
  /** Jobs running at once per instance (each for another key). */
  workers: number;
  /** How often each instance looks for what is due. */
  intervalMs: number;
  keyOf: (data: T) => string;
  /** What is due now (found on every instance; the queue's `stately` policy drops the duplicates). */
  due: () => Promise<T[]>;
  /** Does one job; returns when to do it again (a retry), or null. */
  work: (data: T) => Promise<Date | null>;
}

/**
 * Serves a polled queue on the app's job queue: creates it (`stately`: at most one queued and one
 * running job per key across instances), starts its workers when the app is ready, polls `due`
 * every `intervalMs` and stops polling when the app closes.
 */
export function servePolledQueue<T extends object>(app: FastifyInstance, jobs: PgBoss, queue: PolledQueue<T>): void {
  const wake = (data: T, startAfter?: Date) => jobs.send(queue.name, data, { singletonKey: queue.keyOf(data), ...(startAfter ? { startAfter } : {}) });
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await jobs.createQueue(queue.name, { name: queue.name, policy: 'stately', retryLimit: 0 });
    for (let i = 0; i < queue.workers; i++) {
      await jobs.work<T>(queue.name, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (!job) return;
        const retryAt = await queue.work(job.data);
        if (retryAt) await wake(job.data, retryAt);
      });
    }
    const dispatch = async () => {
      for (const data of await queue.due()) await wake(data);
    };
    timer = setInterval(() => {
      dispatch().catch((error: unknown) => app.log.warn({ err: error, queue: queue.name }, 'queue dispatch failed'));
    }, queue.intervalMs);
    timer.unref();
  });
  app.addHook('preClose', (next) => {
    clearInterval(timer);
    next();
  });
}
