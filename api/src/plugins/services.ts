import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type Services, createServices } from '../services.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export default fp(
  (app: FastifyInstance, _options, done) => {
    app.decorate(
      'services',
      createServices({
        db: app.database.db,
        config: app.config,
        accessTokens: app.accessTokens,
        revocations: app.tokenRevocations,
        limiter: app.rateLimits.shared,
        webhookSecrets: app.sealer('webhook-secret'),
      }),
    );
    done();
  },
  { name: 'services', dependencies: ['core', 'auth', 'rate-limit'] },
);
