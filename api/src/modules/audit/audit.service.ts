import type { AuditEntry, Page } from '@alis/shared';
import { z } from 'zod';
import { Service } from '../../lib/service.js';
import { invalidField } from '../../lib/app-error.js';
import { cursorBigintId, decodeCursor, encodeCursor, pageFrom } from '../../lib/cursor.js';
import { rowsAndTotal } from '../../lib/list.js';
import { type AuditFilter, type AuditRow, auditRepo } from './audit.repo.js';

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id.toString(),
  occurredAt: row.occurredAt.toISOString(),
  actorType: row.actorType,
  actorId: row.actorId,
  actorRole: row.actorRole,
  requestId: row.requestId,
  action: row.action,
  entityType: row.entityType,
  entityId: row.entityId,
  before: row.before,
  after: row.after,
  supplier: row.supplier,
});

const cursorSchema = z.object({ id: cursorBigintId });

export class AuditService extends Service {
  async list(
    query: Omit<AuditFilter, 'from' | 'to'> & { from?: string | undefined; to?: string | undefined; limit: number; cursor?: string | undefined },
  ): Promise<Page<AuditEntry>> {
    const before = decodeCursor(query.cursor, cursorSchema);
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from >= to) {
      throw invalidField({ path: 'to', code: 'too_early', message: 'must be after from', params: { earliest: from.toISOString().slice(0, 10), reference: 'from' } });
    }
    const filter = { entityType: query.entityType, entityId: query.entityId, actorId: query.actorId, from, to };
    const [rows, total] = await rowsAndTotal(
      () => auditRepo.list(this.db, filter, before ? BigInt(before.id) : undefined, query.limit + 1),
      () => auditRepo.total(this.db, filter),
    );
    return pageFrom(rows, query.limit, toEntry, (row) => encodeCursor({ id: row.id.toString() }), total);
  }
}
