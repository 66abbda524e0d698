import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createSupervisionRequest, endSupervisionRequest, idParams, supervision, supervisionList } from '@alis/shared';
import { expectedVersion } from '../../lib/etag.js';
import { contextOf, requirePrincipal } from '../../lib/request-context.js';
import { AUTHENTICATED, problems, sendVersioned } from '../../lib/route-helpers.js';
import { agreementRoles } from './agreements.routes.js';

const supervisionParams = z.object({ id: z.uuid(), supervisionId: z.uuid() }).strict();

/** `/agreements/{id}/supervisions`: the veileder, clinical supervisors and group leaders of an agreement. */
export async function supervisionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = app.services.supervisions;
  const tags = ['agreements'];

  app.get(
    '/agreements/:id/supervisions',
    {
      config: agreementRoles,
      schema: {
        tags,
        summary: 'List an agreement\'s veileder, supervisors and group leaders',
        params: idParams,
        response: { 200: supervisionList, ...problems(...AUTHENTICATED, 404) },
      },
    },
    async (request) => service.list(requirePrincipal(request), request.params.id),
  );

  app.post(
    '/agreements/:id/supervisions',
    {
      config: agreementRoles,
      schema: {
        tags,
        summary: 'Add a veileder, clinical supervisor or group leader',
        description:
          'The supervisor must exist (400). A `veileder` must be a specialist in general practice or hold an exemption valid on `from` (422), ' +
          'and may not overlap another veileder of the agreement (409 `conflict` naming it as `existingId`): end the current one first. ' +
          'Supervisors and group leaders may be several. Capacity is not refused: it shows as the `veileder_over_capacity` warning. ' +
          'Only open agreements (409 otherwise).',
        params: idParams,
        body: createSupervisionRequest,
        response: { 201: supervision, ...problems(...AUTHENTICATED, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await service.create(contextOf(request), request.params.id, request.body);
      return sendVersioned(reply, created, { location: `/api/v1/agreements/${request.params.id}/supervisions/${created.resource.id}` });
    },
  );

  app.get(
    '/agreements/:id/supervisions/:supervisionId',
    {
      config: agreementRoles,
      schema: { tags, summary: 'Get one supervision', params: supervisionParams, response: { 200: supervision, ...problems(...AUTHENTICATED, 404) } },
    },
    async (request, reply) => sendVersioned(reply, await service.get(requirePrincipal(request), request.params.id, request.params.supervisionId)),
  );

  app.patch(
    '/agreements/:id/supervisions/:supervisionId',
    {
      config: agreementRoles,
      schema: {
        tags,
        summary: 'End a supervision',
        description:
          '`to` is the last day (on or after `from`, 400 otherwise). `If-Match` with the supervision\'s ETag is honoured. ' +
          'Also allowed on closed agreements, so their supervisions can be tidied up.',
        params: supervisionParams,
        body: endSupervisionRequest,
        response: { 200: supervision, ...problems(...AUTHENTICATED, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const ended = await service.end(contextOf(request), request.params.id, request.params.supervisionId, request.body, expectedVersion(request));
      return sendVersioned(reply, ended);
    },
  );
}
