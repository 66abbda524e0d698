import { randomBytes } from 'node:crypto';
import type { EventType, Page, Webhook, WebhookDelivery, createWebhookRequest } from '@alis/shared';
import { forbidden, invalidField, notFound } from '../../lib/app-error.js';
import { recordAudit } from '../../lib/audit.js';
import { cursorBigintId, decodeCursor, encodeCursor, pageFrom } from '../../lib/cursor.js';
import { rowsAndTotal } from '../../lib/list.js';
import { refusedTarget } from '../../lib/outbound.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { Service } from '../../lib/service.js';
import { z } from 'zod';
import { type DeliveryRow, type WebhookOwner, type WebhookRow, webhooksRepo } from './webhooks.repo.js';

export type CreateWebhookInput = z.output<typeof createWebhookRequest>;

export const toWebhook = (row: WebhookRow): Webhook => ({
  id: row.id,
  kommunenummer: row.kommunenummer,
  url: row.url,
  eventTypes: row.eventTypes as EventType[],
  status: row.status,
  disabledReason: row.disabledReason,
  failingSince: row.failingSince?.toISOString() ?? null,
  nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  lastDeliveredSequence: row.cursor,
  createdAt: row.createdAt.toISOString(),
});

const toDelivery = (row: DeliveryRow): WebhookDelivery => ({
  id: String(row.id),
  eventId: row.eventId,
  eventSequence: row.eventSequence,
  eventType: row.eventType as EventType,
  attempt: row.attempt,
  attemptedAt: row.attemptedAt.toISOString(),
  outcome: row.outcome,
  statusCode: row.statusCode,
  error: row.error,
  durationMs: row.durationMs,
});

/** Whose webhooks the caller manages: an admin every one, a municipality's client its own. */
function ownerOf(principal: Principal): WebhookOwner {
  if (principal.role === 'admin') return { kind: 'admin' };
  if (principal.kind === 'client' && principal.role === 'municipality') return { kind: 'client', clientId: principal.id };
  throw forbidden("Webhooks are for a municipality's own client, or an admin.");
}

const cursorSchema = z.object({ id: cursorBigintId });
const notFoundWebhook = () => notFound('The webhook');

export class WebhooksService extends Service {
  async create(context: RequestContext, input: CreateWebhookInput): Promise<Webhook & { secret: string }> {
    const { principal } = context;
    const owner = ownerOf(principal);
    if (owner.kind === 'client' && input.kommunenummer !== undefined && input.kommunenummer !== principal.kommunenummer) {
      throw invalidField({
        path: 'kommunenummer',
        code: 'not_allowed',
        message: "a municipality's client receives its own municipality's events",
        params: { reason: 'own_municipality_only' },
      });
    }
    const refused = await refusedTarget(input.url, { allowLoopback: this.deps.config.WEBHOOK_ALLOW_HTTP_LOOPBACK });
    if (refused) throw invalidField({ path: 'url', code: 'not_allowed', message: `the target ${refused}`, params: { reason: 'refused_target' } });
    // Standard Webhooks' secret format: whsec_ and base64 of 24 random bytes.
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    return context.transact(async (tx) => {
      const row = await webhooksRepo.insert(tx, {
        kommunenummer: owner.kind === 'client' ? principal.kommunenummer : (input.kommunenummer ?? null),
        url: input.url,
        eventTypes: [...new Set(input.eventTypes)],
        secretSealed: this.deps.webhookSecrets.seal(secret),
        // From now on: the events before it are in the feed for whoever wants them.
        cursor: await webhooksRepo.feedEnd(tx),
        createdByClientId: principal.kind === 'client' ? principal.id : null,
        createdByUserId: principal.kind === 'user' ? principal.id : null,
      });
      const view = toWebhook(row);
      await recordAudit(tx, context, { action: 'webhook.created', entityType: 'webhook', entityId: row.id, after: { ...view } });
      return { ...view, secret };
    });
  }

  async list(principal: Principal): Promise<{ items: Webhook[] }> {
    return { items: (await webhooksRepo.list(this.db, ownerOf(principal))).map(toWebhook) };
  }

  async get(principal: Principal, id: string): Promise<Webhook> {
    const row = await webhooksRepo.get(this.db, id, ownerOf(principal));
    if (!row) throw notFoundWebhook();
    return toWebhook(row);
  }

  async delete(context: RequestContext, id: string): Promise<void> {
    await context.transact(async (tx) => {
      const row = await webhooksRepo.get(tx, id, ownerOf(context.principal));
      if (!row) throw notFoundWebhook();
      await webhooksRepo.delete(tx, id);
      await recordAudit(tx, context, { action: 'webhook.deleted', entityType: 'webhook', entityId: id, before: { ...toWebhook(row) } });
    });
  }

  async deliveries(principal: Principal, id: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<WebhookDelivery>> {
    const row = await webhooksRepo.get(this.db, id, ownerOf(principal));
    if (!row) throw notFoundWebhook();
    const before = decodeCursor(query.cursor, cursorSchema);
    const [rows, total] = await rowsAndTotal(
      () => webhooksRepo.deliveries(this.db, id, before ? Number(before.id) : undefined, query.limit + 1),
      () => webhooksRepo.deliveriesTotal(this.db, id),
    );
    return pageFrom(rows, query.limit, toDelivery, (delivery) => encodeCursor({ id: String(delivery.id) }), total);
  }
}
