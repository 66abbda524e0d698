import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { absence, absenceList, createAbsenceRequest, idParams } from '@alis/shared';
import { expectedVersion } from '../../lib/etag.js';
import { contextOf, requirePrincipal } from '../../lib/request-context.js';
import { AUTHENTICATED, problems } from '../../lib/route-helpers.js';
import { agreementRoles } from './agreements.routes.js';

const absenceParams = z.object({ id: z.uuid(), absenceId: z.uuid() }).strict();

/** `/agreements/{id}/absences`: leave, institution service and other absences of an agreement. */
export async function absenceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = app.services.absences;
  const tags = ['agreements'];

  app.get(
    '/agreements/:id/absences',
    {
      config: agreementRoles,
      schema: {
        tags,
        summary: 'List an agreement\'s absences (leave, institution service, other)',
        params: idParams,
        response: { 200: absenceList, ...problems(...AUTHENTICATED, 404) },
      },
    },
    async (request) => service.list(requirePrincipal(request), request.params.id),
  );

  app.post(
    '/agreements/:id/absences',
    {
      config: agreementRoles,
      schema: {
        tags,
        summary: 'Record an absence; the planned end date moves',
        description:
          'Absences of one agreement may not overlap (422 naming the other as `overlappingId`). The agreement\'s `plannedEndDate` is ' +
          'recomputed and its ETag changes; `If-Match` with the agreement\'s ETag is honoured. Only open agreements (409 otherwise).',
        params: idParams,
        body: createAbsenceRequest,
        response: { 201: absence, ...problems(...AUTHENTICATED, 404, 409, 412, 422) },
      },
    },
    async (request, reply) => {
      const created = await service.add(contextOf(request), request.params.id, request.body, expectedVersion(request));
      return reply.code(201).header('location', `/api/v1/agreements/${request.params.id}/absences/${created.id}`).send(created);
    },
  );

  app.get(
    '/agreements/:id/absences/:absenceId',
    {
      config: agreementRoles,
      schema: { tags, summary: 'Get one absence', params: absenceParams, response: { 200: absence, ...problems(...AUTHENTICATED, 404) } },
    },
    async (request) => service.get(requirePrincipal(request), request.params.id, request.params.absenceId),
  );

  app.delete(
    '/agreements/:id/absences/:absenceId',
    {
      config: agreementRoles,
      schema: {
        tags,
        summary: 'Remove an absence; the planned end date moves back',
        description: '`If-Match` with the agreement\'s ETag is honoured (412 when stale). Only open agreements (409 otherwise).',
        params: absenceParams,
        response: { 204: z.null().describe('Removed.'), ...problems(...AUTHENTICATED, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      await service.remove(contextOf(request), request.params.id, request.params.absenceId, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );
}
