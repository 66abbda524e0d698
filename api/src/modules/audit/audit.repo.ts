import { and, desc, gte, lt } from 'drizzle-orm';
import type { Total } from '@alis/shared';
import type { Executor } from '../../db/client.js';
import { type Bind, equalToGiven, inline } from '../../db/prepared.js';
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

const matching = (filter: AuditFilter, bind: Bind) =>
  and(
    ...equalToGiven(filter, bind, { entityType: auditLog.entityType, entityId: auditLog.entityId, actorId: auditLog.actorId }),
    filter.from ? gte(auditLog.occurredAt, bind('from')) : undefined,
    filter.to ? lt(auditLog.occurredAt, bind('to')) : undefined,
  );

export const auditRepo = {
  /** Newest first; the id orders entries even within one timestamp. */
  async list(db: Executor, filter: AuditFilter, beforeId: bigint | undefined, limit: number): Promise<AuditRow[]> {
    return db
      .select()
      .from(auditLog)
      .where(and(matching(filter, inline({ ...filter })), beforeId === undefined ? undefined : lt(auditLog.id, beforeId)))
      .orderBy(desc(auditLog.id))
      .limit(limit);
  },

  total(db: Executor, filter: AuditFilter): Promise<Total> {
    return totalOf(
      db,
      statementName('audit_total', [filter.entityType, filter.entityId, filter.actorId, filter.from, filter.to].map((value) => value !== undefined)),
      (bind) => db.select({ one: ONE }).from(auditLog).where(matching(filter, bind)).$dynamic(),
      { ...filter },
    );
  },
};
