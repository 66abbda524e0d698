import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiClient, createApiClientRequest, createdApiClient, idParams, listApiClientsQuery, pageOf } from '@alis/shared';
import { contextOf } from '../../lib/request-context.js';
import { AUTHENTICATED, problems } from '../../lib/route-helpers.js';
const adminOnly = { roles: ['admin'] } as const;

export async function apiClientRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = app.services.apiClients;
  const tags = ['api-clients'];

  app.post(
    '/api-clients',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Register a machine client (admin)',
        description: 'The response holds `clientSecret`, shown this once; store it in the integrating system.',
        body: createApiClientRequest,
        response: { 201: createdApiClient, ...problems(...AUTHENTICATED) },
      },
    },
    async (request, reply) => {
      const created = await service.create(contextOf(request), request.body);
      return reply.code(201).header('location', `/api/v1/api-clients/${created.id}`).header('cache-control', 'no-store').send(created);
    },
  );

  app.get(
    '/api-clients',
    {
      config: adminOnly,
      schema: { tags, summary: 'List machine clients (admin)', querystring: listApiClientsQuery, response: { 200: pageOf(apiClient), ...problems(...AUTHENTICATED) } },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return service.list(filter, limit, cursor);
    },
  );

  app.get(
    '/api-clients/:id',
    {
      config: adminOnly,
      schema: { tags, summary: 'Get a machine client (admin)', params: idParams, response: { 200: apiClient, ...problems(...AUTHENTICATED, 404) } },
    },
    async (request) => service.get(request.params.id),
  );

  app.post(
    '/api-clients/:id/revoke',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Revoke a machine client (admin)',
        description: 'Its tokens stop working and it cannot get new ones. Revoking twice is harmless.',
        params: idParams,
        response: { 200: apiClient, ...problems(...AUTHENTICATED, 404) },
      },
    },
    async (request) => service.revoke(contextOf(request), request.params.id),
  );
}
