import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { LogController } from 'fastify';
import pino from 'pino';
import app, { fastifyOptions } from './app.js';
import { ensureFirstAdmin, prepareDatabase, resolveJwtSecret } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { loggerOptions } from './lib/logger.js';

/**
 * Log lines are written in batches of 4 KB, and at least once a second. A write per line cost a
 * small GET about a sixth of its CPU: asynchronous writes go through libuv's thread pool, and
 * waking a thread for every few lines costs more than the write. A batch is written synchronously
 * (one system call per 4 KB, no thread). Flushed after start-up, on shutdown and on a failed
 * start, so only a crash loses lines (at most a second's, and at most 4 KB).
 */
const logDestination = pino.destination({ dest: 1, sync: true, minLength: 4096 });
setInterval(() => logDestination.flush(), 1000).unref();

async function main() {
  const config = loadConfig();
  const jwtSecret = resolveJwtSecret(config);
  const database = await prepareDatabase(config);

  const server = Fastify({
    ...fastifyOptions(config),
    logger: loggerOptions(config, logDestination),
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 72_000,
    // One log line per request (written in onResponse) instead of two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  server.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request completed',
    );
    done();
  });
  server.addHook('onClose', () => database.close());

  await server.register(app, { config, database, jwtSecret });
  const adminNote = await ensureFirstAdmin(config, database);
  if (adminNote) server.log.info(adminNote);

  const exit = (code: number) => {
    logDestination.flushSync();
    process.exit(code);
  };
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down: draining, then finishing in-flight requests');
    const force = setTimeout(() => {
      server.log.error('graceful shutdown timed out');
      exit(1);
    }, config.SHUTDOWN_DRAIN_MS + config.SHUTDOWN_GRACE_MS);
    force.unref();
    server.startDraining();
    sleep(config.SHUTDOWN_DRAIN_MS)
      .then(() => server.close())
      .then(
        () => exit(0),
        (error: unknown) => {
          server.log.error({ err: error }, 'error during shutdown');
          exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await server.listen({ port: config.PORT, host: config.HOST });
  server.log.info(`ALIS registry on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT} (${database.kind} database)`);
  logDestination.flush();
}

main().catch((error: unknown) => {
  logDestination.flushSync();
  if (error instanceof ConfigError || (error instanceof Error && error.name === 'StartupError')) {
    console.error(error.message);
  } else {
    console.error('Start-up failed:', error);
  }
  process.exit(1);
});
