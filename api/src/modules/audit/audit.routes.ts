import type { FastifyInstance } from 'fastify';
import { auditEntry, listAuditQuery, pageOf } from '@alis/shared';
import { resourceRoutes } from '../../lib/routes.js';

export async function auditRoutes(app: FastifyInstance) {
  const service = app.services.audit;
  const route = resourceRoutes(app, { tags: ['audit'], roles: ['admin'] });

  route.get(
    '/audit',
    {
      summary: 'The append-only audit log, newest first (admin)',
      description: '`from` is inclusive and `to` exclusive; both take a date or an ISO 8601 timestamp.',
      querystring: listAuditQuery,
      response: pageOf(auditEntry),
    },
    (request) => service.list(request.query),
  );
}
