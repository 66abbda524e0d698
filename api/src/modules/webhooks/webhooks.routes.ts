import { createWebhookRequest, createdWebhook, idParams, pageOf, pageQuery, webhook, webhookDelivery } from '@alis/shared';
import { z } from 'zod';
import { contextOf, requirePrincipal } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';

const SIGNING =
  'Each delivery is a POST of one event (as in `GET /events`) signed as Standard Webhooks says: headers `webhook-id` (the event ' +
  'id: the same on a retry), `webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of ' +
  '`<id>.<timestamp>.<body>` with the secret). Answer 2xx within 10 seconds.';

export const webhookRoutes = moduleRoutes({ tags: ['webhooks'], roles: ['admin', 'municipality'] }, (route, { webhooks: service }) => {
  route.post(
    '/webhooks',
    {
      summary: 'Subscribe a URL to changes',
      description:
        "A municipality's client subscribes for its own municipality; an admin for any one, or for all (no `kommunenummer`). " +
        'The target must be HTTPS and resolve to public addresses only (never private networks, loopback, link-local or cloud ' +
        'metadata), checked now and again at every delivery (400 `not_allowed`, reason `refused_target`). Events from now on are ' +
        'delivered at least once, in feed order, retried with backoff (5 s doubling to 1 h) for 24 hours, after which the webhook ' +
        `is disabled and says why. The secret is shown in this answer only.\n\n${SIGNING}`,
      body: createWebhookRequest,
      response: createdWebhook,
      status: 201,
      errors: [400],
    },
    async (request, reply) => {
      const created = await service.create(contextOf(request), request.body);
      return reply.code(201).header('location', `/api/v1/webhooks/${created.id}`).send(created);
    },
  );

  route.get(
    '/webhooks',
    { summary: 'The webhooks you manage', response: z.object({ items: z.array(webhook) }) },
    (request) => service.list(requirePrincipal(request)),
  );

  route.get('/webhooks/:id', { summary: 'One webhook, with its delivery state', params: idParams, response: webhook, errors: [404] }, (request) =>
    service.get(requirePrincipal(request), request.params.id),
  );

  route.delete(
    '/webhooks/:id',
    { summary: 'Stop and remove a webhook', params: idParams, response: z.null().describe('Removed.'), status: 204, errors: [404] },
    async (request, reply) => {
      await service.delete(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  route.get(
    '/webhooks/:id/deliveries',
    {
      summary: 'Every delivery attempt of a webhook, newest first',
      params: idParams,
      querystring: z.object({ ...pageQuery }).strict(),
      response: pageOf(webhookDelivery),
      errors: [404],
    },
    (request) => service.deliveries(requirePrincipal(request), request.params.id, request.query),
  );
});
