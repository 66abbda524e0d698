import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { apiClients } from '../../db/schema.js';

export type ApiClientRow = typeof apiClients.$inferSelect;

export interface ApiClientFilter {
  role?: ApiClientRow['role'] | undefined;
  kommunenummer?: string | undefined;
  revoked?: boolean | undefined;
  afterCreated?: { at: Date; id: string } | undefined;
}

export const apiClientsRepo = {
  async insert(db: Executor, row: typeof apiClients.$inferInsert): Promise<ApiClientRow> {
    const [inserted] = await db.insert(apiClients).values(row).returning();
    if (!inserted) throw new Error('insert returned no row');
    return inserted;
  },

  async findById(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ApiClientRow | undefined> {
    const query = db.select().from(apiClients).where(eq(apiClients.id, id));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    return row;
  },

  async findByClientId(db: Executor, clientId: string): Promise<ApiClientRow | undefined> {
    const [row] = await db.select().from(apiClients).where(eq(apiClients.clientId, clientId));
    return row;
  },

  async list(db: Executor, filter: ApiClientFilter, limit: number): Promise<ApiClientRow[]> {
    const after = filter.afterCreated;
    return db
      .select()
      .from(apiClients)
      .where(
        and(
          filter.role ? eq(apiClients.role, filter.role) : undefined,
          filter.kommunenummer ? eq(apiClients.kommunenummer, filter.kommunenummer) : undefined,
          filter.revoked === undefined ? undefined : filter.revoked ? isNotNull(apiClients.revokedAt) : isNull(apiClients.revokedAt),
          after ? sql`(${apiClients.createdAt}, ${apiClients.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(apiClients.createdAt), asc(apiClients.id))
      .limit(limit);
  },

  async revoke(db: Executor, id: string): Promise<ApiClientRow> {
    const [row] = await db
      .update(apiClients)
      .set({ revokedAt: sql`coalesce(${apiClients.revokedAt}, now())` })
      .where(eq(apiClients.id, id))
      .returning();
    if (!row) throw new Error(`api client ${id} vanished inside its transaction`);
    return row;
  },
};

