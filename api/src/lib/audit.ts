import type { Executor } from '../db/client.js';
import { auditLog } from '../db/schema.js';
import type { RequestContext } from './request-context.js';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log; pass the transaction of the change so both commit or neither does. */
export async function recordAudit(tx: Executor, context: RequestContext | null, change: AuditChange): Promise<void> {
  await tx.insert(auditLog).values({
    actorType: context ? context.principal.kind : 'system',
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
