import type { Total } from '@alis/shared';
import { and, desc, eq, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor, RowOf } from '../../db/client.js';
import { digestDeliveries, digestSubscriptions, users } from '../../db/schema.js';
import { ONE, totalOf } from '../../lib/list.js';

const deliveryColumns = {
  id: digestDeliveries.id,
  userId: digestDeliveries.userId,
  email: digestDeliveries.email,
  week: digestDeliveries.week,
  messageId: digestDeliveries.messageId,
  status: digestDeliveries.status,
  attempts: digestDeliveries.attempts,
  items: digestDeliveries.items,
  lastError: digestDeliveries.lastError,
  nextAttemptAt: digestDeliveries.nextAttemptAt,
  sentAt: digestDeliveries.sentAt,
  createdAt: digestDeliveries.createdAt,
};
export type DeliveryRow = RowOf<typeof deliveryColumns>;

/** A delivery locked for sending, with what the digest needs of its user. */
export type LockedDelivery = DeliveryRow & { officeCode: string | null; name: string; active: boolean };

export const digestsRepo = {
  async subscribed(db: Executor, userId: string): Promise<boolean> {
    const [row] = await db.select({ userId: digestSubscriptions.userId }).from(digestSubscriptions).where(eq(digestSubscriptions.userId, userId));
    return row !== undefined;
  },

  /** Whether it changed. */
  async subscribe(tx: Executor, userId: string): Promise<boolean> {
    const rows = await tx.insert(digestSubscriptions).values({ userId }).onConflictDoNothing().returning({ userId: digestSubscriptions.userId });
    return rows.length > 0;
  },

  async unsubscribe(tx: Executor, userId: string): Promise<boolean> {
    const rows = await tx.delete(digestSubscriptions).where(eq(digestSubscriptions.userId, userId)).returning({ userId: digestSubscriptions.userId });
    return rows.length > 0;
  },

  /**
   * This week's digest for every subscribed, active office user who has none yet. The unique key
   * (user, week) makes this safe to run on every instance at once: each digest is made once.
   */
  async makeDue(db: Executor, week: string): Promise<void> {
    await db.execute(sql`
      insert into digest_deliveries (user_id, week, email, message_id)
      select u.id, ${week}, u.email, '<digest-' || ${week} || '-' || u.id::text || '@alis-registeret>'
        from digest_subscriptions s join users u on u.id = s.user_id
       where u.active and u.role = 'office'
      on conflict (user_id, week) do nothing`);
  },

  /** Pending digests whose (next) attempt is due. */
  async due(db: Executor, now: Date, limit: number): Promise<string[]> {
    const rows = await db
      .select({ id: digestDeliveries.id })
      .from(digestDeliveries)
      .where(and(eq(digestDeliveries.status, 'pending'), or(sql`${digestDeliveries.nextAttemptAt} is null`, lte(digestDeliveries.nextAttemptAt, now))))
      .limit(limit);
    return rows.map((row) => row.id);
  },

  /** The pending delivery, locked; undefined when another instance holds it or it is done. */
  async lockPending(tx: Executor, id: string): Promise<LockedDelivery | undefined> {
    const [row] = await tx
      .select({ ...deliveryColumns, officeCode: users.officeCode, name: users.name, active: users.active })
      .from(digestDeliveries)
      .innerJoin(users, eq(users.id, digestDeliveries.userId))
      .where(and(eq(digestDeliveries.id, id), eq(digestDeliveries.status, 'pending')))
      .for('update', { of: digestDeliveries, skipLocked: true });
    return row;
  },

  async recordSent(tx: Executor, id: string, items: number): Promise<void> {
    await tx
      .update(digestDeliveries)
      .set({ status: 'sent', items, sentAt: sql`now()`, attempts: sql`${digestDeliveries.attempts} + 1`, lastError: null, nextAttemptAt: null })
      .where(eq(digestDeliveries.id, id));
  },

  async recordFailure(tx: Executor, id: string, error: string, nextAttemptAt: Date | null): Promise<void> {
    await tx
      .update(digestDeliveries)
      .set({ status: nextAttemptAt ? 'pending' : 'failed', attempts: sql`${digestDeliveries.attempts} + 1`, lastError: error, nextAttemptAt })
      .where(eq(digestDeliveries.id, id));
  },

  /** Newest first; `userId` null: everyone's. */
  async list(db: Executor, userId: string | null, before: { createdAt: Date; id: string } | undefined, limit: number): Promise<DeliveryRow[]> {
    return db
      .select(deliveryColumns)
      .from(digestDeliveries)
      .where(
        and(
          userId ? eq(digestDeliveries.userId, userId) : undefined,
          before
            ? or(lt(digestDeliveries.createdAt, before.createdAt), and(eq(digestDeliveries.createdAt, before.createdAt), lt(digestDeliveries.id, before.id)))
            : undefined,
        ),
      )
      .orderBy(desc(digestDeliveries.createdAt), desc(digestDeliveries.id))
      .limit(limit);
  },

  total(db: Executor, userId: string | null): Promise<Total> {
    return totalOf(
      db,
      userId ? 'digest_deliveries_total_own' : 'digest_deliveries_total',
      (bind) => db.select({ one: ONE }).from(digestDeliveries).where(userId ? eq(digestDeliveries.userId, bind('userId')) : undefined).$dynamic(),
      { userId },
    );
  },
};
