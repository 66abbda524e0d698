import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEntry, listAuditQuery, pageOf } from '@alis/shared';
import { AUTHENTICATED, problems } from '../../lib/route-helpers.js';

export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = app.services.audit;

  app.get(
    '/audit',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['audit'],
        summary: 'The append-only audit log, newest first (admin)',
        description: '`from` is inclusive and `to` exclusive; both take a date or an ISO 8601 timestamp.',
        querystring: listAuditQuery,
        response: { 200: pageOf(auditEntry), ...problems(...AUTHENTICATED) },
      },
    },
    async (request) => service.list(request.query),
  );
}
