import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

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
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
    await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  },
  { name: 'openapi' },
);
