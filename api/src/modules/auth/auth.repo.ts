import { and, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { apiClients, refreshTokens, users } from '../../db/schema.js';

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

export const authRepo = {
  async insertRefreshToken(db: Executor, row: typeof refreshTokens.$inferInsert): Promise<void> {
    await db.insert(refreshTokens).values(row);
  },

  async findRefreshToken(db: Executor, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
    return row;
  },

  /** Marks a token used; false when another request used it first (then it is a replay). */
  async markUsed(db: Executor, id: string): Promise<boolean> {
    const rows = await db
      .update(refreshTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return rows.length > 0;
  },

  async revokeFamily(db: Executor, familyId: string): Promise<void> {
    await db
      .update(refreshTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  },

  async revokeAllForUser(db: Executor, userId: string): Promise<void> {
    await db
      .update(refreshTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
  },

  /**
   * What revokes access tokens early: users whose token version moved on, sessions (refresh-token
   * families) ended within the last `withinSeconds` (older sessions' access tokens have expired),
   * and revoked clients.
   */
  async revocations(
    db: Executor,
    withinSeconds: number,
  ): Promise<{ userVersions: { id: string; tokenVersion: number }[]; endedSessionIds: string[]; revokedClientIds: string[] }> {
    const [userVersions, ended, revoked] = await Promise.all([
      db.select({ id: users.id, tokenVersion: users.tokenVersion }).from(users).where(gt(users.tokenVersion, 0)),
      db
        .selectDistinct({ familyId: refreshTokens.familyId })
        .from(refreshTokens)
        .where(gt(refreshTokens.revokedAt, sql`now() - make_interval(secs => ${withinSeconds})`)),
      db.select({ clientId: apiClients.clientId }).from(apiClients).where(isNotNull(apiClients.revokedAt)),
    ]);
    return { userVersions, endedSessionIds: ended.map((row) => row.familyId), revokedClientIds: revoked.map((row) => row.clientId) };
  },

  async purgeExpired(db: Executor): Promise<void> {
    await db.delete(refreshTokens).where(sql`${refreshTokens.expiresAt} < now() - interval '1 day'`);
  },
};
