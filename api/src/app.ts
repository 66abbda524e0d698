import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fastifyCors from '@fastify/cors';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { Server } from 'node:http';
import type { FastifyHttpOptions, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { EVENT_RETENTION_DAYS } from '@alis/shared';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { absenceRoutes } from './modules/agreements/absences.routes.js';
import { agreementRoutes } from './modules/agreements/agreements.routes.js';
import { supervisionRoutes } from './modules/agreements/supervisions.routes.js';
import { apiClientRoutes } from './modules/api-clients/api-clients.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRepo } from './modules/auth/auth.repo.js';
import { eventsRepo } from './modules/events/events.repo.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { doctorRoutes } from './modules/doctors/doctors.routes.js';
import { eventRoutes } from './modules/events/events.routes.js';
import { webhookRoutes } from './modules/webhooks/webhooks.routes.js';
import webhookWorker from './modules/webhooks/webhook-worker.js';
import digestWorker from './modules/digests/digest-worker.js';
import { digestRoutes } from './modules/digests/digests.routes.js';
import { worklistRoutes } from './modules/worklist/worklist.routes.js';
import jobsPlugin from './plugins/jobs.js';
import { grantApplicationRoutes } from './modules/grants/grant-applications.routes.js';
import { grantSchemeRoutes } from './modules/grants/grant-schemes.routes.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { idempotencyRepo } from './modules/idempotency/idempotency.repo.js';
import { municipalityRoutes } from './modules/municipalities/municipalities.routes.js';
import { oauthRoutes } from './modules/oauth/oauth.routes.js';
import { referenceRoutes } from './modules/reference/reference.routes.js';
import { registrationRoutes } from './modules/registrations/registrations.routes.js';
import { supervisorRoutes } from './modules/supervisors/supervisors.routes.js';
import { courseRoutes } from './modules/courses/courses.routes.js';
import { followUpRoutes } from './modules/follow-ups/follow-ups.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { authPlugin, authenticate } from './plugins/auth.js';
import { AppError } from './lib/app-error.js';
import { serializerCompiler } from './lib/response-serializer.js';
import { problems } from './lib/route-helpers.js';
import corePlugin from './plugins/core.js';
import errorsPlugin, { sendProblem } from './plugins/errors.js';
import gracefulShutdownPlugin from './plugins/graceful-shutdown.js';
import { idempotencyPlugin } from './plugins/idempotency.js';
import openapiPlugin from './plugins/openapi.js';
import rateLimitPlugin, { limitPerCaller } from './plugins/rate-limit.js';
import securityHeadersPlugin from './plugins/security-headers.js';
import servicesPlugin from './plugins/services.js';

/** A parsed JSON body the API will not take: nested deeper than it needs, or text that cannot be stored. */
function unstorableJson(value: unknown): AppError | null {
  // Iterative, so that no body can exhaust the stack, here or later (hashing an idempotent request).
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    if (typeof item.value === 'string') {
      if (!item.value.isWellFormed()) return new AppError('bad_request', 'The body holds text with a lone UTF-16 surrogate, which is not valid Unicode.');
    } else if (item.value && typeof item.value === 'object') {
      if (item.depth >= JSON_DEPTH_LIMIT) return new AppError('bad_request', `The body is nested more than ${JSON_DEPTH_LIMIT} levels deep.`);
      for (const [key, child] of Object.entries(item.value)) {
        if (!key.isWellFormed()) return new AppError('bad_request', 'The body holds a name with a lone UTF-16 surrogate, which is not valid Unicode.');
        pending.push({ value: child, depth: item.depth + 1 });
      }
    }
  }
  return null;
}

function tooLargeHeaders(rawHeaders: readonly string[]): AppError | undefined {
  let bytes = 0;
  // Node reads header bytes as Latin-1, one character each: a string's length is its size on the wire.
  for (const part of rawHeaders) bytes += part.length + 2;
  if (bytes <= HEADER_LIMIT_BYTES) return undefined;
  return new AppError('headers_too_large', `The request headers take ${bytes} bytes; at most ${HEADER_LIMIT_BYTES} are read.`);
}

/** Bodies are taken as sent: a compressed one would be read as garbage. */
function unsupportedEncoding(encoding: string | undefined): AppError | undefined {
  if (encoding === undefined || encoding.trim().toLowerCase() === 'identity') return undefined;
  return new AppError('unsupported_media_type', `Content-Encoding "${encoding}" is not supported; send the body uncompressed.`);
}

export interface AppOptions {
  config: Readonly<Config>;
  database: Database;
  jwtSecret: string;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Request headers the API reads, in bytes. Node's own limit is set far above it: when Node's limit
 * overflows it drops the connection, while this one answers a problem and keeps the connection.
 */
export const HEADER_LIMIT_BYTES = 16 * 1024;
const NODE_HEADER_LIMIT_BYTES = 64 * 1024;
/** How deep a JSON body may nest: the API's bodies need a few levels, a deeper one is an attack. */
const JSON_DEPTH_LIMIT = 32;

/** Fastify options that change behaviour, shared by the server and the tests. */
export function fastifyOptions(config: Readonly<Config>): FastifyHttpOptions<Server> {
  return {
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1_048_576,
    // Accept a caller's request id when it is sane, so a trace crosses systems; otherwise make one.
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    // Long path parameters reach the route, whose schema refuses them with 400 (the router's own limit answers 404).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
    http: { maxHeaderSize: NODE_HEADER_LIMIT_BYTES },
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

/** The resources of `/api/v1`; each module's routes reach their service as `app.services.<name>`. */
const API_ROUTES = [
  authRoutes,
  oauthRoutes,
  userRoutes,
  apiClientRoutes,
  referenceRoutes,
  municipalityRoutes,
  registrationRoutes,
  agreementRoutes,
  absenceRoutes,
  supervisionRoutes,
  doctorRoutes,
  supervisorRoutes,
  auditRoutes,
  eventRoutes,
  webhookRoutes,
  grantSchemeRoutes,
  grantApplicationRoutes,
  worklistRoutes,
  digestRoutes,
  courseRoutes,
  followUpRoutes,
  importRoutes,
  reportRoutes,
];

const HOUSEKEEPING_INTERVAL_MS = 15 * 60_000;

async function app(fastify: FastifyInstance, options: AppOptions) {
  const { config, database } = options;
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);

  // Plugins declare what they depend on (fastify-plugin `dependencies`), so a wrong order fails at start-up.
  await fastify.register(corePlugin, { config, database, jwtSecret: options.jwtSecret });
  await fastify.register(errorsPlugin);
  await fastify.register(gracefulShutdownPlugin);
  await fastify.register(securityHeadersPlugin, { production: config.NODE_ENV === 'production' });
  // Without origins to allow, browsers get no cross-origin access, which is what no CORS headers
  // say: the plugin (a hook on every request) is left out.
  if (config.CORS_ORIGINS.length > 0) await fastify.register(fastifyCors, {
    origin: config.CORS_ORIGINS,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key', 'x-request-id'],
    exposedHeaders: ['etag', 'location', 'retry-after', 'x-request-id', 'idempotent-replayed', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'],
    maxAge: 600,
  });
  await fastify.register(fastifyFormbody);
  // Many HTTP clients send `content-type: application/json` with no body on a bodiless POST (revoke).
  const jsonParser = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') {
      done(null, undefined);
      return;
    }
    void jsonParser(request, body as string, (error, parsed) => {
      if (error) done(error, undefined);
      else done(unstorableJson(parsed), parsed);
    });
  });
  fastify.addHook('onRequest', (request, _reply, next) => {
    next(tooLargeHeaders(request.raw.rawHeaders) ?? unsupportedEncoding(request.headers['content-encoding']));
  });
  // What any route can answer before it runs, in every documented operation's contract: a body it
  // cannot read (any request may carry one), headers too large, and a body too large where it takes one.
  fastify.addHook('onRoute', (route) => {
    const schema = route.schema;
    if (!schema?.response || schema.hide) return;
    const before = schema.body ? problems(413, 415, 431) : problems(415, 431);
    route.schema = { ...schema, response: { ...before, ...schema.response } };
  });
  await fastify.register(authPlugin, { jwtSecret: options.jwtSecret });
  await fastify.register(rateLimitPlugin);
  await fastify.register(servicesPlugin);
  await fastify.register(jobsPlugin);
  await fastify.register(webhookWorker);
  await fastify.register(digestWorker);
  await fastify.register(openapiPlugin);
  await fastify.register(healthRoutes);

  await fastify.register(
    fp(
      async (v1: FastifyInstance) => {
        v1.addHook('onRequest', authenticate);
        limitPerCaller(v1);
        await v1.register(idempotencyPlugin, { secret: options.jwtSecret });
        for (const routes of API_ROUTES) await v1.register(routes);
      },
      // Encapsulated, so its hooks (authentication, limits, idempotency) stay inside /api/v1.
      { name: 'api-v1', dependencies: ['auth', 'rate-limit', 'services'], encapsulate: true },
    ),
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
    Promise.all([
      idempotencyRepo.purgeExpired(database.db),
      fastify.rateLimits.shared.purgeOlderThan(86_400),
      authRepo.purgeExpired(database.db),
      eventsRepo.purgeOlderThan(database.db, EVENT_RETENTION_DAYS),
      fastify.purgeWebhookDeliveries?.(),
    ]).catch((error: unknown) => fastify.log.warn({ err: error }, 'housekeeping failed'));
  }, HOUSEKEEPING_INTERVAL_MS);
  housekeeping.unref();
  fastify.addHook('onClose', () => clearInterval(housekeeping));
}

export default fp(app, { name: 'alis-app' });
