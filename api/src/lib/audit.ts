import type { Executor } from '../db/client.js';
import { auditLog } from '../db/schema.js';
import type { RequestContext } from './request-context.js';
import { insertJsonRows } from '../db/bulk.js';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const auditRow = (context: RequestContext | null, change: AuditChange) => ({
  actorType: context ? context.principal.kind : ('system' as const),
  actorId: context?.principal.id ?? null,
  actorRole: context?.principal.role ?? null,
  requestId: context?.requestId ?? null,
  action: change.action,
  entityType: change.entityType,
  entityId: change.entityId,
  before: change.before ?? null,
  after: change.after ?? null,
  supplier: context?.principal.kind === 'client' ? (context.principal.external?.supplier ?? null) : null,
});

/** Appends to the audit log; pass the transaction of the change so both commit or neither does. */
export async function recordAudit(tx: Executor, context: RequestContext | null, change: AuditChange): Promise<void> {
  await tx.insert(auditLog).values(auditRow(context, change));
}

/** Appends many entries at once (an import), in one statement, as `recordAudit`. */
export async function recordAudits(tx: Executor, context: RequestContext | null, changes: readonly AuditChange[]): Promise<void> {
  await insertJsonRows(
    tx,
    auditLog,
    changes.map((change) => auditRow(context, change)),
    { columns: ['actorType', 'actorId', 'actorRole', 'requestId', 'action', 'entityType', 'entityId', 'before', 'after', 'supplier'] },
  );
}

/** Keeps only what changed, so audit rows show the difference and not the whole record. */
export function diff<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | null {
  const changedBefore: Partial<T> = {};
  const changedAfter: Partial<T> = {};
  let changed = false;
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key];
      changedAfter[key] = after[key];
      changed = true;
    }
  }
  return changed ? { before: changedBefore, after: changedAfter } : null;
}
