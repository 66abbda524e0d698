import { apiClient, createApiClientRequest, createdApiClient, idParams, listApiClientsQuery, pageOf } from '@alis/shared';
import { contextOf } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';

export const apiClientRoutes = moduleRoutes({ tags: ['api-clients'], roles: ['admin'] }, (route, { apiClients: service }) => {
  route.post(
    '/api-clients',
    {
      summary: 'Register a machine client (admin)',
      description: 'The response holds `clientSecret`, shown this once; store it in the integrating system.',
      body: createApiClientRequest,
      response: createdApiClient,
      status: 201,
    },
    async (request, reply) => {
      const created = await service.create(contextOf(request), request.body);
      return reply.code(201).header('location', `/api/v1/api-clients/${created.id}`).header('cache-control', 'no-store').send(created);
    },
  );

  route.list('/api-clients', { summary: 'List machine clients (admin)', querystring: listApiClientsQuery, response: pageOf(apiClient) }, (_principal, request) =>
    service.list(request.query),
  );

  route.get(
    '/api-clients/:id',
    { summary: 'Get a machine client (admin)', params: idParams, response: apiClient, errors: [404] },
    (request) => service.get(request.params.id),
  );

  route.post(
    '/api-clients/:id/revoke',
    {
      summary: 'Revoke a machine client (admin)',
      description: 'Its tokens stop working and it cannot get new ones. Revoking twice is harmless.',
      params: idParams,
      response: apiClient,
      errors: [404],
    },
    (request) => service.revoke(contextOf(request), request.params.id),
  );
});
