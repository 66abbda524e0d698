import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { LogController } from 'fastify';
import pino from 'pino';
import app, { fastifyOptions } from './app.js';
import { ensureFirstAdmin, prepareDatabase, resolveJwtSecret } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { loggerOptions } from './lib/logger.js';

async function main() {
  const config = loadConfig();
  const jwtSecret = resolveJwtSecret(config);
  const database = await prepareDatabase(config);

  // Asynchronous log writes: a synchronous write per request line costs a tenth of a
  // key lookup. Flushed on shutdown, so nothing is lost on a clean exit.
  const logDestination = pino.destination({ dest: 1, sync: false });
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
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || (error instanceof Error && error.name === 'StartupError')) {
    console.error(error.message);
  } else {
    console.error('Start-up failed:', error);
  }
  process.exit(1);
});
