import {
  createFollowUpRequest,
  followUp,
  followUpPage,
  followUpParams,
  listFollowUpsQuery,
  municipalityParams,
  specialAttentionList,
  specialAttentionQuery,
  updateFollowUpRequest,
} from '@alis/shared';
import { requirePrincipal } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';

/** The follow-up log is the offices' own work: offices for their municipalities, admin for all. */
const FOLLOW_UP_ROLES = ['admin', 'office'] as const;
const SCOPE = 'An office user for the municipalities of its office (others answer 404); an admin for all.';

export const followUpRoutes = moduleRoutes({ tags: ['follow-ups'], roles: FOLLOW_UP_ROLES }, (route, { followUps: service }) => {
  route.list(
    '/follow-ups/special-attention',
    {
      summary: 'Municipalities that need special attention',
      description:
        'Recruitment-challenged municipalities with no follow-up in the last six months (`no_recent_follow_up`), and municipalities with ' +
        'active ALIS agreements whose registration in general practice has neither been applied for nor granted ' +
        '(`agreements_without_registration`). An office user gets its own office (another `officeCode` is 404); an admin one office or ' +
        'all. Every match on one page (there are at most a few hundred municipalities): `nextCursor` is always null.',
      querystring: specialAttentionQuery,
      response: specialAttentionList,
      errors: [404],
    },
    (principal, request) => service.specialAttention(principal, request.query.officeCode),
  );

  route.get(
    '/municipalities/:kommunenummer/follow-ups',
    {
      summary: "A municipality's follow-up log, newest first",
      description: `${SCOPE} Ordered by date, then by when the entry was written, newest first.`,
      params: municipalityParams,
      querystring: listFollowUpsQuery,
      response: followUpPage,
      errors: [404],
    },
    (request) => service.list(requirePrincipal(request), request.params.kommunenummer, request.query),
  );

  route.create(
    '/municipalities/:kommunenummer/follow-ups',
    {
      summary: 'Log a follow-up of a municipality',
      description: `${SCOPE} \`date\` is not in the future; \`nextFollowUpOn\` not before \`date\` (400).`,
      params: municipalityParams,
      body: createFollowUpRequest,
      response: followUp,
      errors: [404],
    },
    (context, request) => service.create(context, request.params.kommunenummer, request.body),
    (created) => `/api/v1/municipalities/${created.kommunenummer}/follow-ups/${created.id}`,
  );

  route.read(
    '/municipalities/:kommunenummer/follow-ups/:id',
    { summary: 'Get one follow-up', description: SCOPE, params: followUpParams, response: followUp },
    (principal, request) => service.get(principal, request.params.kommunenummer, request.params.id),
  );

  route.change(
    'PATCH',
    '/municipalities/:kommunenummer/follow-ups/:id',
    {
      summary: 'Change a follow-up (mark it done, set the next date …)',
      description: `${SCOPE} Send \`If-Match\` with the ETag you read (412 when stale).`,
      params: followUpParams,
      body: updateFollowUpRequest,
      response: followUp,
    },
    (context, request, expected) => service.update(context, request.params.kommunenummer, request.params.id, request.body, expected),
  );
});
