import { worklist, worklistQuery } from '@alis/shared';
import { sendComputed } from '../../lib/computed.js';
import { requirePrincipal } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';

export const worklistRoutes = moduleRoutes({ tags: ['worklist'], roles: ['admin', 'office'] }, (route, { worklist: service }) => {
  route.get(
    '/worklist',
    {
      summary: "An office's worklist: what needs doing, by due date",
      description:
        'Built on the compliance report\'s query (`GET /reports/compliance`, as of today): ALIS without a veileder for more than 30 ' +
        'days, veiledere not qualified or over capacity, auditor\'s certificates not received that are overdue or due within 30 days, ' +
        'agreements whose planned end date is within 6 months. Then the office\'s own work: drafts of grant applications whose deadline ' +
        'is within 30 days, follow-ups due within 30 days, education plans due for approval or review within 30 days, open courses with ' +
        'seats before their registration deadline (within 30 days), and the special-attention list (municipalities with active ALIS ' +
        'that are not registered, recruitment-challenged ones with no follow-up in 6 months). Each item names its case. An office user ' +
        "gets their own office's (another office's is 404); an admin names the office. Kept until the data changes or the day turns: " +
        'the answer carries an `ETag`; send it as `If-None-Match` to get 304.',
      querystring: worklistQuery,
      response: worklist,
      errors: [404],
    },
    async (request, reply) => sendComputed(request, reply, service.cache, await service.get(requirePrincipal(request), request.query), 'json'),
  );
});
