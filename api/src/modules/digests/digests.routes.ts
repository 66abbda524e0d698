import { digestDelivery, digestSubscription, digestSubscriptionRequest, pageOf, pageQuery } from '@alis/shared';
import { z } from 'zod';
import { contextOf, requirePrincipal } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';

export const digestRoutes = moduleRoutes({ tags: ['worklist'], roles: ['office'] }, (route, { digests: service }) => {
  route.get(
    '/me/weekly-digest',
    { summary: 'Whether your worklist comes by e-mail every week (office users)', response: digestSubscription },
    (request) => service.subscription(requirePrincipal(request)),
  );

  route.put(
    '/me/weekly-digest',
    {
      summary: 'Ask for, or stop, the weekly worklist by e-mail (office users)',
      description:
        'From Monday 07:00 (Norwegian time) each week, one e-mail per user and week with the office\'s worklist, sent to the ' +
        "account's e-mail address when the server has SMTP set up. A send that fails is retried; see `GET /digests`.",
      body: digestSubscriptionRequest,
      response: digestSubscription,
    },
    (request) => service.setSubscription(contextOf(request), request.body.weeklyDigest),
  );

  route.list(
    '/digests',
    {
      summary: 'Weekly digests made and sent, newest first: an admin sees all, an office user their own',
      querystring: z.object({ ...pageQuery }).strict(),
      response: pageOf(digestDelivery),
      roles: ['admin', 'office'],
    },
    (principal, request) => service.deliveries(principal, request.query),
  );
});
