import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Total } from '@alis/shared';
import type { Executor } from '../../db/client.js';
import { ONE, statementName, totalOf } from '../../lib/list.js';
import { auditLog } from '../../db/schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

const matching = (filter: AuditFilter) =>
  and(
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.from ? gte(auditLog.occurredAt, filter.from) : undefined,
    filter.to ? lt(auditLog.occurredAt, filter.to) : undefined,
  );

export const auditRepo = {
  /** Newest first; the id orders entries even within one timestamp. */
  async list(db: Executor, filter: AuditFilter, beforeId: bigint | undefined, limit: number): Promise<AuditRow[]> {
    return db
      .select()
      .from(auditLog)
      .where(and(matching(filter), beforeId === undefined ? undefined : lt(auditLog.id, beforeId)))
      .orderBy(desc(auditLog.id))
      .limit(limit);
  },

  total(db: Executor, filter: AuditFilter): Promise<Total> {
    return totalOf(
      db,
      () => db.select({ one: ONE }).from(auditLog).where(matching(filter)).$dynamic(),
      statementName('audit_total', [filter.entityType, filter.entityId, filter.actorId, filter.from, filter.to].map((value) => value !== undefined)),
    );
  },
};
