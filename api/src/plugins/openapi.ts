import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { STATUS_CODES } from 'node:http';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const PROBLEM_REF = '#/components/schemas/Problem';

/**
 * The zod transform, plus: problem responses are documented as `application/problem+json` (what
 * the API sends) and described by their status text rather than "Default Response".
 */
const transform: typeof jsonSchemaTransform = (input) => {
  const result = jsonSchemaTransform(input);
  const responses = (result.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!responses) return result;
  for (const [status, schema] of Object.entries(responses)) {
    if ((schema as { $ref?: unknown } | null)?.$ref !== PROBLEM_REF) continue;
    responses[status] = { description: STATUS_CODES[status] ?? 'Error', content: { 'application/problem+json': { schema } } };
  }
  return result;
};

export default fp(
  async (app: FastifyInstance) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'ALIS registry API',
          version: '1.0.0',
          description:
            'Registry of specialist training in general practice (ALIS) for the regional ALIS offices, municipal HR systems and Helsedirektoratet. ' +
            'Errors are RFC 9457 problem details with a stable `code`. Lists use cursor pagination. ' +
            'Single resources carry an ETag; PATCH honours If-Match (412 when stale). POST honours Idempotency-Key.',
        },
        servers: [{ url: '/' }],
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            oauth2: {
              type: 'oauth2',
              flows: { clientCredentials: { tokenUrl: '/api/v1/oauth/token', scopes: { read: 'Read', write: 'Write', decide: 'Decide' } } },
            },
          },
        },
        security: [{ bearer: [] }],
      },
      transform,
      transformObject: jsonSchemaTransformObject,
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
    await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  },
  { name: 'openapi' },
);
