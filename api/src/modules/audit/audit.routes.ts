import { auditEntry, listAuditQuery, pageOf } from '@alis/shared';
import { moduleRoutes } from '../../lib/routes.js';

export const auditRoutes = moduleRoutes({ tags: ['audit'], roles: ['admin'] }, (route, { audit: service }) => {
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
});
