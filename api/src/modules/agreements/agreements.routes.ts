import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  absence,
  absenceList,
  agreement,
  agreementPage,
  agreementTransitionRequest,
  createAbsenceRequest,
  createAgreementRequest,
  createSupervisionRequest,
  endSupervisionRequest,
  listAgreementsQuery,
  supervision,
  supervisionList,
  updateAgreementRequest,
} from '@alis/shared';
import { etagOf, expectedVersion } from '../../lib/etag.js';
import { AUTHENTICATED, contextOf, problems } from '../../lib/route-helpers.js';
import { AgreementsService } from './agreements.service.js';
import { SupervisionsService } from './supervisions.service.js';

const idParams = z.object({ id: z.uuid() }).strict();
const absenceParams = z.object({ id: z.uuid(), absenceId: z.uuid() }).strict();
const supervisionParams = z.object({ id: z.uuid(), supervisionId: z.uuid() }).strict();

/** Offices and municipalities work with agreements; the directorate gets aggregates elsewhere. */
const agreementRoles = { roles: ['admin', 'office', 'municipality'] } as const;

const PLANNED_END_DATE_RULE =
  '`plannedEndDate` is computed and stored by the shared rule: five calendar years at full time from `startDate` ' +
  '(2024-01-01 → 2028-12-31); part time stretches it pro rata (at p % the service takes 100/p times as many days, rounded up); ' +
  'every absence day on or after the start pushes it one day further (an absence beginning before the start counts from the start, ' +
  'days shared by absences count once). It is recomputed whenever `startDate`, `positionPercent` or the absences change.';

const WARNINGS_RULE =
  '`warnings` are computed on every read as of today in Norway (closed agreements have none): ' +
  '`municipality_not_registered` (the municipality\'s § 19 registration in general practice had not applied or been registered on the start date, ' +
  'judged from its transition history), `no_active_veileder` (active agreement without a veileder today), `veileder_not_qualified` ' +
  '(the current veileder is not a specialist and has no exemption valid today), `veileder_over_capacity` (the veileder follows more ALIS today ' +
  'than their capacity, counting their veileder supervisions running today across all agreements), `ends_within_6_months` (active and the planned end is within six months), ' +
  '`via_staffing_agency`.';

export async function agreementRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new AgreementsService(app.database.db);
  const supervisions = new SupervisionsService(app.database.db);
  const tags = ['agreements'];

  app.get(
    '/agreements',
    {
      config: agreementRoles,
      schema: {
        tags,
        summary: 'List ALIS agreements in the caller\'s scope',
        description:
          'Newest start date first. `endsBefore` compares the end date, or the planned end date while the agreement is open; ' +
          '`supervisorId` matches any supervision role at any time; `hasVeileder` asks for a veileder supervision running today.\n\n' +
          `${PLANNED_END_DATE_RULE}\n\n${WARNINGS_RULE}`,
        querystring: listAgreementsQuery,
        response: { 200: agreementPage, ...problems(...AUTHENTICATED) },
      },
    },
    async (request) => service.list(request.principal, request.query),
  );

  app.post(
    '/agreements',
    {
      config: agreementRoles,
      schema: {
        tags,
        summary: 'Create an ALIS agreement (as a draft)',
        description:
          'The municipality must be in the caller\'s scope (404 otherwise); the doctor must exist (any doctor may be referenced by id). ' +
          'A doctor has at most one open (draft or active) agreement per municipality: a second is 409 `already_exists` with `existingId`.\n\n' +
          PLANNED_END_DATE_RULE,
        body: createAgreementRequest,
        response: { 201: agreement, ...problems(...AUTHENTICATED, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await service.create(contextOf(request), request.body);
      return reply
        .code(201)
        .header('location', `/api/v1/agreements/${created.agreement.id}`)
        .header('etag', etagOf(created.version))
        .send(created.agreement);
    },
  );

  app.get(
    '/agreements/:id',
    {
      config: agreementRoles,
      schema: {
        tags,
        summary: 'Get an ALIS agreement with its planned end date and warnings',
        description: `${PLANNED_END_DATE_RULE}\n\n${WARNINGS_RULE}`,
        params: idParams,
        response: { 200: agreement, ...problems(...AUTHENTICATED, 404) },
      },
    },
    async (request, reply) => {
      const found = await service.get(request.principal, request.params.id);
      return reply.header('etag', etagOf(found.version)).send(found.agreement);
    },
  );

  app.patch(
    '/agreements/:id',
    {
      config: agreementRoles,
      schema: {
        tags,
        summary: 'Change a draft or active agreement',
        description:
          'Send `If-Match` with the ETag you read (412 when stale). Completed and terminated agreements cannot be changed (409 `conflict`). ' +
          'Status changes go through `/transitions`. Changing `startDate` or `positionPercent` recomputes `plannedEndDate`.',
        params: idParams,
        body: updateAgreementRequest,
        response: { 200: agreement, ...problems(...AUTHENTICATED, 404, 409, 412, 422) },
      },
    },
    async (request, reply) => {
      const updated = await service.update(contextOf(request), request.params.id, request.body, expectedVersion(request));
      return reply.header('etag', etagOf(updated.version)).send(updated.agreement);
    },
  );

  app.post(
    '/agreements/:id/transitions',
    {
      config: agreementRoles,
      schema: {
        tags,
        summary: 'Move an agreement to another status',
        description:
          '`draft → active` needs the agreement\'s `signedOn` and `startDate`; `active → completed | terminated` needs `endDate` and `endReason` ' +
          'in the body. Missing preconditions are 422 listing each; a transition not allowed from the current status is 409 ' +
          '`illegal_transition` with `allowed`. Honours `If-Match`. Closing an agreement also ends, on `endDate`, its supervisions ' +
          'still running past that day.',
        params: idParams,
        body: agreementTransitionRequest,
        response: { 200: agreement, ...problems(...AUTHENTICATED, 404, 409, 412, 422) },
      },
    },
    async (request, reply) => {
      const moved = await service.transition(contextOf(request), request.params.id, request.body, expectedVersion(request));
      return reply.header('etag', etagOf(moved.version)).send(moved.agreement);
    },
  );

  // --- absences ---------------------------------------------------------------------------------

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
    async (request) => service.listAbsences(request.principal, request.params.id),
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
      const created = await service.addAbsence(contextOf(request), request.params.id, request.body, expectedVersion(request));
      return reply.code(201).header('location', `/api/v1/agreements/${request.params.id}/absences/${created.id}`).send(created);
    },
  );

  app.get(
    '/agreements/:id/absences/:absenceId',
    {
      config: agreementRoles,
      schema: { tags, summary: 'Get one absence', params: absenceParams, response: { 200: absence, ...problems(...AUTHENTICATED, 404) } },
    },
    async (request) => service.getAbsence(request.principal, request.params.id, request.params.absenceId),
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
      await service.removeAbsence(contextOf(request), request.params.id, request.params.absenceId, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  // --- supervisions -----------------------------------------------------------------------------

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
    async (request) => supervisions.list(request.principal, request.params.id),
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
      const created = await supervisions.create(contextOf(request), request.params.id, request.body);
      return reply
        .code(201)
        .header('location', `/api/v1/agreements/${request.params.id}/supervisions/${created.supervision.id}`)
        .header('etag', etagOf(created.version))
        .send(created.supervision);
    },
  );

  app.get(
    '/agreements/:id/supervisions/:supervisionId',
    {
      config: agreementRoles,
      schema: { tags, summary: 'Get one supervision', params: supervisionParams, response: { 200: supervision, ...problems(...AUTHENTICATED, 404) } },
    },
    async (request, reply) => {
      const found = await supervisions.get(request.principal, request.params.id, request.params.supervisionId);
      return reply.header('etag', etagOf(found.version)).send(found.supervision);
    },
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
      const ended = await supervisions.end(
        contextOf(request),
        request.params.id,
        request.params.supervisionId,
        request.body,
        expectedVersion(request),
      );
      return reply.header('etag', etagOf(ended.version)).send(ended.supervision);
    },
  );
}
