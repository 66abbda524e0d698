import type { FastifyInstance } from 'fastify';
import { worklist, worklistQuery } from '@alis/shared';
import { requirePrincipal } from '../../lib/request-context.js';
import { resourceRoutes } from '../../lib/routes.js';

export async function worklistRoutes(app: FastifyInstance) {
  const service = app.services.worklist;
  const route = resourceRoutes(app, { tags: ['worklist'], roles: ['admin', 'office'] });

  route.get(
    '/worklist',
    {
      summary: "An office's worklist: what needs doing, by due date",
      description:
        'Drafts of grant applications whose deadline is within 30 days; auditor\'s certificates not received that are due within ' +
        '30 days or overdue; active agreements whose planned end date is within 6 months. Each item names its case. An office user ' +
        "gets their own office's (another office's is 404); an admin names the office.",
      querystring: worklistQuery,
      response: worklist,
      errors: [404],
    },
    (request) => service.get(requirePrincipal(request), request.query),
  );
}
