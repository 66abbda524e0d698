import { z } from 'zod';
import { absence, absenceList, createAbsenceRequest, idParams } from '@alis/shared';
import { expectedVersion } from '../../lib/etag.js';
import { contextOf, requirePrincipal } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';
import { AGREEMENT_ROLES } from './agreements.routes.js';

const absenceParams = z.object({ id: z.uuid(), absenceId: z.uuid() }).strict();

/** `/agreements/{id}/absences`: leave, institution service and other absences of an agreement. */
export const absenceRoutes = moduleRoutes({ tags: ['agreements'], roles: AGREEMENT_ROLES }, (route, { absences: service }) => {
  route.get(
    '/agreements/:id/absences',
    { summary: 'List an agreement\'s absences (leave, institution service, other)', params: idParams, response: absenceList, errors: [404] },
    (request) => service.list(requirePrincipal(request), request.params.id),
  );

  route.post(
    '/agreements/:id/absences',
    {
      summary: 'Record an absence; the planned end date moves',
      description:
        'Absences of one agreement may not overlap (422 naming the other as `overlappingId`). The agreement\'s `plannedEndDate` is ' +
        'recomputed and its ETag changes; `If-Match` with the agreement\'s ETag is honoured. Only open agreements (409 otherwise).',
      params: idParams,
      body: createAbsenceRequest,
      response: absence,
      status: 201,
      errors: [404, 409, 412, 422],
    },
    async (request, reply) => {
      const created = await service.add(contextOf(request), request.params.id, request.body, expectedVersion(request));
      return reply.code(201).header('location', `/api/v1/agreements/${request.params.id}/absences/${created.id}`).send(created);
    },
  );

  route.get(
    '/agreements/:id/absences/:absenceId',
    { summary: 'Get one absence', params: absenceParams, response: absence, errors: [404] },
    (request) => service.get(requirePrincipal(request), request.params.id, request.params.absenceId),
  );

  route.delete(
    '/agreements/:id/absences/:absenceId',
    {
      summary: 'Remove an absence; the planned end date moves back',
      description: '`If-Match` with the agreement\'s ETag is honoured (412 when stale). Only open agreements (409 otherwise).',
      params: absenceParams,
      response: z.null().describe('Removed.'),
      status: 204,
      errors: [404, 409, 412],
    },
    async (request, reply) => {
      await service.remove(contextOf(request), request.params.id, request.params.absenceId, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );
});
