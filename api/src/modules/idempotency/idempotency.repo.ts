import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
export interface IdempotencyKey {
  callerKey: string;
  key: string;
}
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const byKey = ({ callerKey, key }: IdempotencyKey) => and(eq(idempotencyKeys.callerKey, callerKey), eq(idempotencyKeys.key, key));

/** The answers kept for `Idempotency-Key`: claimed while in flight, completed with the response. */
export const idempotencyRepo = {
  /** Claims the key for a request; false when it is already taken (an expired claim is cleared first). */
  async claim(db: Executor, id: IdempotencyKey, requestHash: string, expiresAt: Date): Promise<boolean> {
    await db.delete(idempotencyKeys).where(and(byKey(id), lt(idempotencyKeys.expiresAt, sql`now()`)));
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ ...id, requestHash, state: 'in_flight', expiresAt })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    return inserted.length > 0;
  },

  async find(db: Executor, id: IdempotencyKey): Promise<IdempotencyRow | undefined> {
    const [row] = await db.select().from(idempotencyKeys).where(byKey(id));
    return row;
  },

  /**
   * Holds the claim until `tx` ends: the request's change and its stored answer commit (or roll
   * back) together, and while the lock is held everyone can see the request is still running.
   */
  async lock(tx: Executor, id: IdempotencyKey): Promise<void> {
    await tx.select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(byKey(id)).for('update');
  },

  /**
   * Takes over an in-flight claim whose request is gone: nobody holds its lock (its transaction
   * ended without completing it, or its process died) and it is older than `graceSeconds` (so a
   * request that has claimed but not yet begun its transaction keeps it). False otherwise.
   */
  async takeOverAbandoned(db: Executor, id: IdempotencyKey, graceSeconds: number): Promise<boolean> {
    const rows = await db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now()` })
      .where(
        and(
          byKey(id),
          eq(idempotencyKeys.state, 'in_flight'),
          lt(idempotencyKeys.createdAt, sql`now() - make_interval(secs => ${graceSeconds})`),
          sql`${idempotencyKeys.callerKey} in (select ${idempotencyKeys.callerKey} from ${idempotencyKeys} where ${byKey(id)} for update skip locked)`,
        ),
      )
      .returning({ key: idempotencyKeys.key });
    return rows.length > 0;
  },

  async complete(db: Executor, id: IdempotencyKey, response: StoredResponse): Promise<void> {
    await db
      .update(idempotencyKeys)
      .set({ state: 'completed', responseStatus: response.status, responseHeaders: response.headers, responseBody: response.body })
      .where(byKey(id));
  },

  /** Gives the key back when nothing of the request stayed; a completed answer is never removed. */
  async release(db: Executor, id: IdempotencyKey): Promise<void> {
    await db.delete(idempotencyKeys).where(and(byKey(id), eq(idempotencyKeys.state, 'in_flight')));
  },

  async purgeExpired(db: Executor): Promise<void> {
    await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, sql`now()`));
  },
};
