import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createUserRequest, idParams, listUsersQuery, pageOf, updateUserRequest, user } from '@alis/shared';
import { expectedVersion } from '../../lib/etag.js';
import { contextOf } from '../../lib/request-context.js';
import { AUTHENTICATED, problems, sendVersioned } from '../../lib/route-helpers.js';
const adminOnly = { roles: ['admin'] } as const;

export async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = app.services.users;
  const tags = ['users'];

  app.get(
    '/users',
    {
      config: adminOnly,
      schema: { tags, summary: 'List staff users (admin)', querystring: listUsersQuery, response: { 200: pageOf(user), ...problems(...AUTHENTICATED) } },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return service.list(filter, limit, cursor);
    },
  );

  app.post(
    '/users',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Create a staff user (admin)',
        body: createUserRequest,
        response: { 201: user, ...problems(...AUTHENTICATED, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await service.create(contextOf(request), request.body);
      return sendVersioned(reply, created, { location: `/api/v1/users/${created.resource.id}` });
    },
  );

  app.get(
    '/users/:id',
    {
      config: adminOnly,
      schema: { tags, summary: 'Get a staff user (admin)', params: idParams, response: { 200: user, ...problems(...AUTHENTICATED, 404) } },
    },
    async (request, reply) => sendVersioned(reply, await service.get(request.params.id)),
  );

  app.patch(
    '/users/:id',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Change role, office, name or password, or deactivate (admin)',
        description: 'Changing role, office, password or active status ends the user\'s current sessions.',
        params: idParams,
        body: updateUserRequest,
        response: { 200: user, ...problems(...AUTHENTICATED, 404, 409, 412) },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.update(contextOf(request), request.params.id, request.body, expectedVersion(request))),
  );
}
