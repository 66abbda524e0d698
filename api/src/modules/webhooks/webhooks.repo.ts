import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Total } from '@alis/shared';
import type { Executor } from '../../db/client.js';
import { ONE, totalOf } from '../../lib/list.js';
import { events, webhookDeliveries, webhooks } from '../../db/schema.js';

export type WebhookRow = typeof webhooks.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** Whose webhooks a caller manages: all (admin), or a municipality client's own. */
export type WebhookOwner = { kind: 'admin' } | { kind: 'client'; clientId: string };

const ownedBy = (owner: WebhookOwner) => (owner.kind === 'admin' ? undefined : eq(webhooks.createdByClientId, owner.clientId));

export const webhooksRepo = {
  async insert(db: Executor, row: typeof webhooks.$inferInsert): Promise<WebhookRow> {
    const [inserted] = await db.insert(webhooks).values(row).returning();
    if (!inserted) throw new Error('insert returned no webhook');
    return inserted;
  },

  async list(db: Executor, owner: WebhookOwner): Promise<WebhookRow[]> {
    return db.select().from(webhooks).where(ownedBy(owner)).orderBy(desc(webhooks.createdAt), desc(webhooks.id));
  },

  async get(db: Executor, id: string, owner: WebhookOwner): Promise<WebhookRow | undefined> {
    const [row] = await db
      .select()
      .from(webhooks)
      .where(and(eq(webhooks.id, id), ownedBy(owner)));
    return row;
  },

  async delete(db: Executor, id: string): Promise<void> {
    await db.delete(webhooks).where(eq(webhooks.id, id));
  },

  /** The last event in the feed now: a new subscription starts after it. */
  async feedEnd(db: Executor): Promise<number> {
    const [row] = await db.select({ last: sql<number>`coalesce(max(${events.sequence}), 0)`.mapWith(Number) }).from(events);
    return row?.last ?? 0;
  },

  /**
   * The webhook, locked for delivering: another instance delivering it holds the lock, and this
   * one then passes (SKIP LOCKED) instead of waiting to send the same event again.
   */
  async lockForDelivery(tx: Executor, id: string): Promise<WebhookRow | undefined> {
    const [row] = await tx
      .select()
      .from(webhooks)
      .where(and(eq(webhooks.id, id), eq(webhooks.status, 'active')))
      .for('update', { skipLocked: true });
    return row;
  },

  async recordAttempt(tx: Executor, attempt: typeof webhookDeliveries.$inferInsert): Promise<void> {
    await tx.insert(webhookDeliveries).values(attempt);
  },

  async delivered(tx: Executor, id: string, sequence: number): Promise<void> {
    await tx.update(webhooks).set({ cursor: sequence, failingSince: null, nextAttemptAt: null, failedAttempts: 0 }).where(eq(webhooks.id, id));
  },

  async failed(tx: Executor, id: string, state: { failingSince: Date; failedAttempts: number; nextAttemptAt: Date }): Promise<void> {
    await tx.update(webhooks).set(state).where(eq(webhooks.id, id));
  },

  async disable(tx: Executor, id: string, reason: string): Promise<void> {
    await tx.update(webhooks).set({ status: 'disabled', disabledReason: reason, nextAttemptAt: null }).where(eq(webhooks.id, id));
  },

  /** Active webhooks with an event to deliver that is due: what the dispatcher wakes. */
  async due(db: Executor, limit: number): Promise<string[]> {
    const rows = await db
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(
        and(
          eq(webhooks.status, 'active'),
          sql`(${webhooks.nextAttemptAt} is null or ${webhooks.nextAttemptAt} <= now())`,
          sql`exists (select 1 from ${events} where ${events.sequence} > ${webhooks.cursor} and ${events.type} = any(${webhooks.eventTypes})
            and (${webhooks.kommunenummer} is null or ${events.kommunenumre} @> array[${webhooks.kommunenummer}]))`,
        ),
      )
      .limit(limit);
    return rows.map((row) => row.id);
  },

  async deliveries(db: Executor, webhookId: string, beforeId: number | undefined, limit: number): Promise<DeliveryRow[]> {
    return db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.webhookId, webhookId), beforeId === undefined ? undefined : lt(webhookDeliveries.id, beforeId)))
      .orderBy(desc(webhookDeliveries.id))
      .limit(limit);
  },

  deliveriesTotal(db: Executor, webhookId: string): Promise<Total> {
    return totalOf(
      db,
      'webhook_deliveries_total',
      (bind) => db.select({ one: ONE }).from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, bind('webhookId'))).$dynamic(),
      { webhookId },
    );
  },

  async purgeDeliveriesOlderThan(db: Executor, days: number): Promise<void> {
    await db.delete(webhookDeliveries).where(lt(webhookDeliveries.attemptedAt, sql`now() - make_interval(days => ${days})`));
  },
};
