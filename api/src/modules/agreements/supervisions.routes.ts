import { z } from 'zod';
import { createSupervisionRequest, endSupervisionRequest, idParams, supervision, supervisionList } from '@alis/shared';
import { expectedVersion } from '../../lib/etag.js';
import { contextOf, requirePrincipal } from '../../lib/request-context.js';
import { sendVersioned } from '../../lib/route-helpers.js';
import { moduleRoutes } from '../../lib/routes.js';
import { AGREEMENT_ROLES } from './agreements.routes.js';

const supervisionParams = z.object({ id: z.uuid(), supervisionId: z.uuid() }).strict();

/** `/agreements/{id}/supervisions`: the veileder, clinical supervisors and group leaders of an agreement. */
export const supervisionRoutes = moduleRoutes({ tags: ['agreements'], roles: AGREEMENT_ROLES }, (route, { supervisions: service }) => {
  route.get(
    '/agreements/:id/supervisions',
    { summary: 'List an agreement\'s veileder, supervisors and group leaders', params: idParams, response: supervisionList, errors: [404] },
    (request) => service.list(requirePrincipal(request), request.params.id),
  );

  route.create(
    '/agreements/:id/supervisions',
    {
      summary: 'Add a veileder, clinical supervisor or group leader',
      description:
        'The supervisor must exist (400), and is never the doctor themself (same HPR number: 400 `not_allowed`, `own_supervisor`). ' +
        'A `veileder` must be qualified on `from`: approved as specialist in general practice by then, or under an exemption whose ' +
        'period covers it (422). Veileder is per ALIS, not per agreement: a doctor has at most one veileder supervision running at a ' +
        'time across all their agreements (409 `conflict` naming it as `existingId`, with `existingAgreementId` when it is in another ' +
        'agreement): end the current one first. ' +
        'Supervisors and group leaders may be several. Capacity is not refused: it shows as the `veileder_over_capacity` warning. ' +
        'Only open agreements (409 otherwise).',
      params: idParams,
      body: createSupervisionRequest,
      response: supervision,
      errors: [404, 409, 422],
    },
    (context, request) => service.create(context, request.params.id, request.body),
    (created, request) => `/api/v1/agreements/${request.params.id}/supervisions/${created.id}`,
  );

  route.read(
    '/agreements/:id/supervisions/:supervisionId',
    { summary: 'Get one supervision', params: supervisionParams, response: supervision },
    (principal, request) => service.get(principal, request.params.id, request.params.supervisionId),
  );

  route.patch(
    '/agreements/:id/supervisions/:supervisionId',
    {
      summary: 'End a supervision',
      description:
        '`to` is the last day (on or after `from`, 400 otherwise). `If-Match` with the supervision\'s ETag is honoured. ' +
        'Also allowed on closed agreements, so their supervisions can be tidied up.',
      params: supervisionParams,
      body: endSupervisionRequest,
      response: supervision,
      errors: [404, 409, 412],
    },
    async (request, reply) => {
      const { id, supervisionId } = request.params;
      return sendVersioned(reply, await service.end(contextOf(request), id, supervisionId, request.body, expectedVersion(request)));
    },
  );
});
