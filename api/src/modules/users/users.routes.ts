import type { FastifyInstance } from 'fastify';
import { createUserRequest, idParams, listUsersQuery, pageOf, updateUserRequest, user } from '@alis/shared';
import { expectedVersion } from '../../lib/etag.js';
import { contextOf } from '../../lib/request-context.js';
import { sendVersioned } from '../../lib/route-helpers.js';
import { resourceRoutes } from '../../lib/routes.js';

export async function userRoutes(app: FastifyInstance) {
  const service = app.services.users;
  const route = resourceRoutes(app, { tags: ['users'], roles: ['admin'] });

  route.get(
    '/users',
    { summary: 'List staff users (admin)', querystring: listUsersQuery, response: pageOf(user) },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return service.list(filter, limit, cursor);
    },
  );

  route.post(
    '/users',
    {
      summary: 'Create a staff user (admin)',
      body: createUserRequest,
      response: user,
      status: 201,
      errors: [409, 422],
    },
    async (request, reply) => {
      const created = await service.create(contextOf(request), request.body);
      return sendVersioned(reply, created, { location: `/api/v1/users/${created.resource.id}` });
    },
  );

  route.get(
    '/users/:id',
    { summary: 'Get a staff user (admin)', params: idParams, response: user, errors: [404] },
    async (request, reply) => sendVersioned(reply, await service.get(request.params.id)),
  );

  route.patch(
    '/users/:id',
    {
      summary: 'Change role, office, name or password, or deactivate (admin)',
      description: 'Changing role, office, password or active status ends the user\'s current sessions.',
      params: idParams,
      body: updateUserRequest,
      response: user,
      errors: [404, 409, 412],
    },
    async (request, reply) =>
      sendVersioned(reply, await service.update(contextOf(request), request.params.id, request.body, expectedVersion(request))),
  );
}
