import {
  municipalityParams,
  registration,
  registrationHistory,
  registrationHistoryQuery,
  registrationQuery,
  registrationTransitionRequest,
  updateRegistrationRequest,
} from '@alis/shared';
import { requirePrincipal } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';

const READERS = ['admin', 'office', 'municipality', 'directorate'] as const;
const EDITORS = ['admin', 'office', 'municipality'] as const;

export const registrationRoutes = moduleRoutes({ tags: ['registrations'], roles: READERS }, (route, { registrations: service }) => {
  route.read(
    '/municipalities/:kommunenummer/registration',
    {
      summary: 'Get a municipality\'s § 19 registration as education enterprise',
      description:
        'One registration per municipality and specialty: general practice (`ALM`, the default) or community medicine (`?specialty=SAM`), ' +
        'each with the same lifecycle at the same paths; only ALM drives the agreements\' warnings and non-counting periods. A municipality that has none saved yet gets the default: ' +
        'status `not_registered`, empty fields, `version` 0, `updatedAt` null and ETag `"v0"`. `missingForApplication` lists what the ' +
        'application lacks before it can be sent; `allowedTransitions` the statuses the caller may move it to now.',
      params: municipalityParams,
      querystring: registrationQuery,
      response: registration,
    },
    (principal, request) => service.get(principal, request.params.kommunenummer, request.query.specialty),
  );

  route.change(
    'PATCH',
    '/municipalities/:kommunenummer/registration',
    {
      summary: 'Change the application details of a § 19 registration',
      roles: EDITORS,
      description:
        'Saves the person responsible, education plan, supervision arrangement, learning arenas, decision reference and notes; the first save ' +
        'creates the registration. Send `If-Match` with the ETag you read (`"v0"` for one never saved); 412 means someone changed it since. ' +
        'The status and its dates change only through `/transitions`. A registration that is `applied` or `registered` can still be edited: ' +
        'the offices correct details after the fact, and every change is in the audit log. Admin, office (own municipalities) and the ' +
        'municipality\'s own client; the directorate decides but does not edit (403).',
      params: municipalityParams,
      querystring: registrationQuery,
      body: updateRegistrationRequest,
      response: registration,
    },
    (context, request, expected) => service.update(context, request.params.kommunenummer, request.query.specialty, request.body, expected),
  );

  route.change(
    'POST',
    '/municipalities/:kommunenummer/registration/transitions',
    {
      summary: 'Move a § 19 registration to another status',
      // Preparing needs `write` and deciding `decide`; the directorate holds no `write`, so the service
      // checks the scope per target status and the route asks only for a token that may read.
      scope: 'read',
      description:
        'Lifecycle: `not_registered` → `preparing` → `applied` → `registered` or `rejected`; `rejected` → `preparing`; `registered` → ' +
        '`deregistered` → `preparing`. Another move is 409 `illegal_transition`, with the statuses allowed from the current one in `allowed`. ' +
        '`registered`, `rejected` and `deregistered` are decisions, for Helsedirektoratet (`decide` scope) or an admin; the other moves are ' +
        'for an admin, the ALIS office and the municipality\'s own client (`write` scope). Anyone else gets 403.\n\n' +
        '`date` (default: today in Norway, never in the future) is when it happened: `applied` sets `applicationDate`; `registered` sets ' +
        '`decisionDate` and `registeredFrom` (the application date, or 2019-03-01 for applications sent before 2019-06-01); `rejected` sets ' +
        '`decisionDate`. Dates follow each other (422 `too_early` with `earliest` and `reference` otherwise): an application is not dated ' +
        'before its round\'s preparation began (`preparedOn`) nor before the regulation came into force (2017-03-01, `regulation`); a decision ' +
        'not before the application (`applicationDate`), a deregistration not before the decision, and no change before the previous one ' +
        '(`previousTransition`). Going to `applied` with parts of the application missing is 422 listing each in `errors`; it needs at ' +
        'least one learning arena of kind `own` (a substantial part of the training in the municipality itself). `deregistered` keeps the dates of the registration that ' +
        'ended. `preparing` after `rejected` or `deregistered` starts a new application round: it clears `applicationDate`, `decisionDate`, ' +
        '`registeredFrom` and `decisionReference` (the earlier ones stay in `/history` and the audit log) and keeps the application\'s content ' +
        'to be reworked. Honours `If-Match` (412) and `Idempotency-Key`.',
      params: municipalityParams,
      querystring: registrationQuery,
      body: registrationTransitionRequest,
      response: registration,
      errors: [409, 422],
    },
    (context, request, expected) => service.transition(context, request.params.kommunenummer, request.query.specialty, request.body, expected),
  );

  route.get(
    '/municipalities/:kommunenummer/registration/history',
    {
      summary: 'List the status changes of a § 19 registration, newest first',
      description: 'Each entry names who made the change (`actorName`: the staff user\'s or the API client\'s name).',
      params: municipalityParams,
      querystring: registrationHistoryQuery,
      response: registrationHistory,
      errors: [404],
    },
    async (request) => service.history(requirePrincipal(request), request.params.kommunenummer, request.query),
  );
});
