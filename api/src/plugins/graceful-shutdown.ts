import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** True from the moment the instance starts shutting down: it answers, but says it is not ready. */
    readonly draining: boolean;
    /** Starts draining (the server calls it on SIGTERM, some time before it stops listening). */
    startDraining(): void;
  }
}

/**
 * Shutting down without resetting anyone's request. On SIGTERM the server first drains: it goes on
 * answering (requests sent just before the signal are still in the network), says it is not ready
 * so the load balancer stops sending, and tells each client to close its connection after the
 * response. Only then does it stop listening (`close()`), when no client is left waiting on a
 * kept-alive connection that would be cut. Fastify's `close()` alone would let in-flight requests
 * finish but reset the ones that arrive on idle keep-alive connections in the meantime.
 */
export default fp(
  (app: FastifyInstance, _options, done) => {
    let draining = false;
    app.decorate('draining', {
      getter: () => draining,
    });
    app.decorate('startDraining', () => {
      draining = true;
    });
    app.addHook('preClose', (next) => {
      draining = true;
      next();
    });
    app.addHook('onSend', (request, reply, payload, next) => {
      if (draining && request.raw.httpVersionMajor < 2) reply.header('connection', 'close');
      next(null, payload);
    });
    done();
  },
  { name: 'graceful-shutdown' },
);
