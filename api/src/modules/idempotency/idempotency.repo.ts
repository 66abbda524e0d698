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

  /** Takes over an in-flight claim older than `abandonedAfterSeconds`; false when it is younger or done. */
  async takeOverAbandoned(db: Executor, id: IdempotencyKey, abandonedAfterSeconds: number): Promise<boolean> {
    const rows = await db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now()` })
      .where(
        and(
          byKey(id),
          eq(idempotencyKeys.state, 'in_flight'),
          lt(idempotencyKeys.createdAt, sql`now() - make_interval(secs => ${abandonedAfterSeconds})`),
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

  async release(db: Executor, id: IdempotencyKey): Promise<void> {
    await db.delete(idempotencyKeys).where(byKey(id));
  },

  async purgeExpired(db: Executor): Promise<void> {
    await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, sql`now()`));
  },
};
