import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Total } from '@alis/shared';
import type { Executor } from '../../db/client.js';
import { type Bind, equalToGiven, inline } from '../../db/prepared.js';
import { ONE, statementName, totalOf } from '../../lib/list.js';
import { apiClients } from '../../db/schema.js';

export type ApiClientRow = typeof apiClients.$inferSelect;

export interface ApiClientFilter {
  role?: ApiClientRow['role'] | undefined;
  kommunenummer?: string | undefined;
  revoked?: boolean | undefined;
}

const matching = (filter: ApiClientFilter, bind: Bind) =>
  and(
    ...equalToGiven(filter, bind, { role: apiClients.role, kommunenummer: apiClients.kommunenummer }),
    filter.revoked === undefined ? undefined : filter.revoked ? isNotNull(apiClients.revokedAt) : isNull(apiClients.revokedAt),
  );

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

  async list(db: Executor, filter: ApiClientFilter, after: { at: Date; id: string } | undefined, limit: number): Promise<ApiClientRow[]> {
    return db
      .select()
      .from(apiClients)
      .where(
        and(
          matching(filter, inline({ ...filter })),
          after ? sql`(${apiClients.createdAt}, ${apiClients.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(apiClients.createdAt), asc(apiClients.id))
      .limit(limit);
  },

  total(db: Executor, filter: ApiClientFilter): Promise<Total> {
    return totalOf(
      db,
      statementName('api_clients_total', [filter.role !== undefined, filter.kommunenummer !== undefined, filter.revoked]),
      (bind) => db.select({ one: ONE }).from(apiClients).where(matching(filter, bind)).$dynamic(),
      { ...filter },
    );
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

