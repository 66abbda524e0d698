import { createUserRequest, idParams, listUsersQuery, pageOf, updateUserRequest, user } from '@alis/shared';
import { moduleRoutes } from '../../lib/routes.js';

export const userRoutes = moduleRoutes({ tags: ['users'], roles: ['admin'] }, (route, { users: service }) => {
  route.list('/users', { summary: 'List staff users (admin)', querystring: listUsersQuery, response: pageOf(user) }, (_principal, request) =>
    service.list(request.query),
  );

  route.create(
    '/users',
    {
      summary: 'Create a staff user (admin)',
      body: createUserRequest,
      response: user,
      errors: [409, 422],
    },
    (context, request) => service.create(context, request.body),
    (created) => `/api/v1/users/${created.id}`,
  );

  route.read('/users/:id', { summary: 'Get a staff user (admin)', params: idParams, response: user }, (_principal, request) =>
    service.get(request.params.id),
  );

  route.change(
    'PATCH',
    '/users/:id',
    {
      summary: 'Change role, office, name or password, or deactivate (admin)',
      description: 'Changing role, office, password or active status ends the user\'s current sessions.',
      params: idParams,
      body: updateUserRequest,
      response: user,
      errors: [409],
    },
    (context, request, expected) => service.update(context, request.params.id, request.body, expected),
  );
});
