import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Fastify's `close()` stops accepting connections and lets in-flight requests finish, but the
 * keep-alive sockets those requests came on would then stay open until they time out (72 s in the
 * server), holding `close()` and the database pool open past the shutdown grace period. So a
 * response sent while closing tells the client to close the connection, and the socket goes with it.
 */
export default fp(
  (app: FastifyInstance) => {
    let closing = false;
    app.addHook('preClose', (done) => {
      closing = true;
      done();
    });
    app.addHook('onSend', (request, reply, payload, done) => {
      if (closing && request.raw.httpVersionMajor < 2) reply.header('connection', 'close');
      done(null, payload);
    });
  },
  { name: 'graceful-shutdown' },
);
