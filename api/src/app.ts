import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { agreementRoutes } from './modules/agreements/agreements.routes.js';
import { apiClientRoutes } from './modules/api-clients/api-clients.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { doctorRoutes } from './modules/doctors/doctors.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { municipalityRoutes } from './modules/municipalities/municipalities.routes.js';
import { oauthRoutes } from './modules/oauth/oauth.routes.js';
import { referenceRoutes } from './modules/reference/reference.routes.js';
import { registrationRoutes } from './modules/registrations/registrations.routes.js';
import { supervisorRoutes } from './modules/supervisors/supervisors.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { authPlugin, authenticate } from './plugins/auth.js';
import errorsPlugin, { sendProblem } from './plugins/errors.js';
import gracefulShutdownPlugin from './plugins/graceful-shutdown.js';
import { purgeExpiredIdempotencyKeys, registerIdempotency } from './plugins/idempotency.js';
import openapiPlugin from './plugins/openapi.js';
import securityHeadersPlugin from './plugins/security-headers.js';
import { LocalRateLimiter, SharedRateLimiter } from './plugins/rate-limit.js';
import { callerKey } from './lib/principal.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Readonly<Config>;
    database: Database;
    sharedRateLimiter: SharedRateLimiter;
  }
}

export interface AppOptions {
  config: Readonly<Config>;
  database: Database;
  jwtSecret: string;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify options that change behaviour, shared by the server and the tests. */
export function fastifyOptions(config: Readonly<Config>): FastifyServerOptions {
  return {
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1_048_576,
    // Accept a caller's request id when it is sane, so a trace crosses systems; otherwise make one.
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // Errors Fastify raises before routing (a URL whose percent-encoding does not decode) are problems too.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      if (error.code === 'FST_ERR_BAD_URL') {
        void sendProblem(request, reply, 'bad_request', 'The URL is not valid: its percent-encoding does not decode.');
      } else {
        void sendProblem(request, reply, 'internal_error', 'Something went wrong on our side. Quote the request id if you contact us.');
      }
    },
    ajv: undefined,
  };
}

const HOUSEKEEPING_INTERVAL_MS = 15 * 60_000;

async function app(fastify: FastifyInstance, options: AppOptions) {
  const { config, database } = options;
  fastify.decorate('config', config);
  fastify.decorate('database', database);
  fastify.decorate('sharedRateLimiter', new SharedRateLimiter(database.db));
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);

  await fastify.register(errorsPlugin);
  await fastify.register(gracefulShutdownPlugin);
  await fastify.register(securityHeadersPlugin, { production: config.NODE_ENV === 'production' });
  await fastify.register(fastifyCors, {
    origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key', 'x-request-id'],
    exposedHeaders: ['etag', 'location', 'retry-after', 'x-request-id', 'idempotent-replayed'],
    maxAge: 600,
  });
  await fastify.register(fastifyCookie);
  await fastify.register(fastifyFormbody);
  // Many HTTP clients send `content-type: application/json` with no body on a bodiless POST (revoke).
  const jsonParser = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') done(null, undefined);
    else void jsonParser(request, body as string, done);
  });
  await fastify.register(authPlugin, {
    db: database.db,
    jwtSecret: options.jwtSecret,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
  });
  await fastify.register(openapiPlugin);
  await fastify.register(healthRoutes);

  const perCaller = new LocalRateLimiter(config.API_RATE_LIMIT_PER_MINUTE, 60_000);
  await fastify.register(
    async (v1) => {
      v1.addHook('onRequest', authenticate);
      v1.addHook('onRequest', (request, _reply, done) => {
        if (request.principal) perCaller.hit(callerKey(request.principal));
        done();
      });
      registerIdempotency(v1, database.db, options.jwtSecret);
      await v1.register(authRoutes);
      await v1.register(oauthRoutes);
      await v1.register(userRoutes);
      await v1.register(apiClientRoutes);
      await v1.register(referenceRoutes);
      await v1.register(municipalityRoutes);
      await v1.register(agreementRoutes);
      await v1.register(registrationRoutes);
      await v1.register(doctorRoutes);
      await v1.register(supervisorRoutes);
      await v1.register(auditRoutes);
    },
    { prefix: '/api/v1' },
  );

  const indexHtml = path.join(config.ADMIN_UI_DIR, 'index.html');
  const serveAdminUi = existsSync(indexHtml);
  if (serveAdminUi) {
    await fastify.register(fastifyStatic, { root: config.ADMIN_UI_DIR, wildcard: false, index: false });
    fastify.get('/', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
  }
  fastify.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const isApi = pathname.startsWith('/api') || pathname.startsWith('/health');
    // Client-side routes of the admin app (/kommuner/0301) load the app, which routes itself.
    if (serveAdminUi && !isApi && request.method === 'GET' && !path.extname(pathname)) {
      return reply.sendFile('index.html');
    }
    return sendProblem(request, reply, 'not_found', `No route for ${request.method} ${pathname}.`);
  });

  const housekeeping = setInterval(() => {
    Promise.all([purgeExpiredIdempotencyKeys(database.db), fastify.sharedRateLimiter.purgeOlderThan(86_400)]).catch(
      (error: unknown) => fastify.log.warn({ err: error }, 'housekeeping failed'),
    );
  }, HOUSEKEEPING_INTERVAL_MS);
  housekeeping.unref();
  fastify.addHook('onClose', () => clearInterval(housekeeping));
}

export default fp(app, { name: 'alis-app' });
