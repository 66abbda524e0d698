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
