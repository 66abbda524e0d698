import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: bigint | undefined;
}

export const auditRepo = {
  /** Newest first; the id orders entries even within one timestamp. */
  async list(db: Executor, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
    return db
      .select()
      .from(auditLog)
      .where(
        and(
          filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
          filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
          filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
          filter.from ? gte(auditLog.occurredAt, filter.from) : undefined,
          filter.to ? lt(auditLog.occurredAt, filter.to) : undefined,
          filter.beforeId === undefined ? undefined : lt(auditLog.id, filter.beforeId),
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(limit);
  },
};
