import { EVENT_RETENTION_DAYS, eventFeed, eventFeedQuery } from '@alis/shared';
import { requirePrincipal } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';

export const eventRoutes = moduleRoutes({ tags: ['events'] }, (route, { events: service }) => {
  route.get(
    '/events',
    {
      summary: 'The change feed: every change in commit order, from a cursor',
      description:
        'Each create, update, transition and delete of a municipality, registration, doctor, supervisor, agreement, absence or ' +
        'supervision appends an event in the same transaction as the change, in CloudEvents 1.0 shape, with `data` the resource as ' +
        'the API returns it after the change. Events come in commit order: a reader that resumes from the last `nextCursor` it saw ' +
        'never misses an event and never sees one out of order, however many writers commit at once. Follow it by polling with ' +
        '`after=<nextCursor>` (`hasMore` says whether to read on at once). A municipality client reads the events that concern its ' +
        'municipality, an office those of its municipalities, the directorate municipality and registration events only, an admin all. ' +
        `Events are kept ${EVENT_RETENTION_DAYS} days; a cursor older than that is 410 \`gone\`.`,
      querystring: eventFeedQuery,
      response: eventFeed,
      errors: [410],
    },
    (request) => service.feed(requirePrincipal(request), request.query),
  );
});
