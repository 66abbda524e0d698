import type { FastifyInstance } from 'fastify';
import {
  agreement,
  agreementPage,
  agreementTransitionRequest,
  createAgreementRequest,
  idParams,
  listAgreementsQuery,
  updateAgreementRequest,
} from '@alis/shared';
import { resourceRoutes } from '../../lib/routes.js';

/** Offices and municipalities work with agreements and what hangs on them; the directorate gets aggregates elsewhere. */
export const AGREEMENT_ROLES = ['admin', 'office', 'municipality'] as const;

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

export async function agreementRoutes(app: FastifyInstance) {
  const service = app.services.agreements;
  const route = resourceRoutes(app, { tags: ['agreements'], roles: AGREEMENT_ROLES });

  route.list(
    '/agreements',
    {
      summary: 'List ALIS agreements in the caller\'s scope',
      description:
        'Newest start date first. `endsBefore` compares the end date, or the planned end date while the agreement is open; ' +
        '`supervisorId` matches any supervision role at any time; `hasVeileder` asks for a veileder supervision running today.\n\n' +
        `${PLANNED_END_DATE_RULE}\n\n${WARNINGS_RULE}`,
      querystring: listAgreementsQuery,
      response: agreementPage,
    },
    (principal, request) => service.list(principal, request.query),
  );

  route.create(
    '/agreements',
    {
      summary: 'Create an ALIS agreement (as a draft)',
      description:
        'The municipality must be in the caller\'s scope (404 otherwise); the doctor must exist (any doctor may be referenced by id). ' +
        'A doctor has at most one open (draft or active) agreement per municipality: a second is 409 `already_exists` with `existingId`.\n\n' +
        PLANNED_END_DATE_RULE,
      body: createAgreementRequest,
      response: agreement,
      errors: [404, 409, 422],
    },
    (context, request) => service.create(context, request.body),
    (created) => `/api/v1/agreements/${created.id}`,
  );

  route.read(
    '/agreements/:id',
    {
      summary: 'Get an ALIS agreement with its planned end date and warnings',
      description: `${PLANNED_END_DATE_RULE}\n\n${WARNINGS_RULE}`,
      params: idParams,
      response: agreement,
    },
    (principal, request) => service.get(principal, request.params.id),
  );

  route.change(
    'PATCH',
    '/agreements/:id',
    {
      summary: 'Change a draft or active agreement',
      description:
        'Send `If-Match` with the ETag you read (412 when stale). Completed and terminated agreements cannot be changed (409 `conflict`). ' +
        'Status changes go through `/transitions`. Changing `startDate` or `positionPercent` recomputes `plannedEndDate`.',
      params: idParams,
      body: updateAgreementRequest,
      response: agreement,
      errors: [409, 422],
    },
    (context, request, expected) => service.update(context, request.params.id, request.body, expected),
  );

  route.change(
    'POST',
    '/agreements/:id/transitions',
    {
      summary: 'Move an agreement to another status',
      description:
        '`draft → active` needs the agreement\'s `signedOn` and `startDate`; `active → completed | terminated` needs `endDate` and `endReason` ' +
        'in the body. Missing preconditions are 422 listing each; a transition not allowed from the current status is 409 ' +
        '`illegal_transition` with `allowed`. Honours `If-Match`. Closing an agreement also ends, on `endDate`, its supervisions ' +
        'still running past that day.',
      params: idParams,
      body: agreementTransitionRequest,
      response: agreement,
      errors: [409, 422],
    },
    (context, request, expected) => service.transition(context, request.params.id, request.body, expected),
  );
}
