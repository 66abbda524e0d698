import type { DigestDelivery, DigestSubscription, Page } from '@alis/shared';
import { z } from 'zod';
import { forbidden } from '../../lib/app-error.js';
import { recordAudit } from '../../lib/audit.js';
import { decodeCursor, encodeCursor, pageFrom } from '../../lib/cursor.js';
import { rowsAndTotal } from '../../lib/list.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { Service } from '../../lib/service.js';
import { usersRepo } from '../users/users.repo.js';
import { type DeliveryRow, digestsRepo } from './digests.repo.js';

const cursorSchema = z.object({ at: z.iso.datetime(), id: z.uuid() });

const toDelivery = (row: DeliveryRow): DigestDelivery => ({
  ...row,
  nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  sentAt: row.sentAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** The digest is an office's worklist: only office users (signed in as themselves) have one. */
function officeUser(principal: Principal): string {
  if (principal.kind !== 'user' || principal.role !== 'office') throw forbidden('The weekly digest is for office users: it sends their office\'s worklist.');
  return principal.id;
}

export class DigestsService extends Service {
  async subscription(principal: Principal): Promise<DigestSubscription> {
    const userId = officeUser(principal);
    return this.view(userId, await digestsRepo.subscribed(this.db, userId));
  }

  async setSubscription(context: RequestContext, weeklyDigest: boolean): Promise<DigestSubscription> {
    const userId = officeUser(context.principal);
    await context.transact(async (tx) => {
      const changed = weeklyDigest ? await digestsRepo.subscribe(tx, userId) : await digestsRepo.unsubscribe(tx, userId);
      if (changed) {
        await recordAudit(tx, context, {
          action: weeklyDigest ? 'digest.subscribed' : 'digest.unsubscribed',
          entityType: 'user',
          entityId: userId,
          after: { weeklyDigest },
        });
      }
    });
    return this.view(userId, weeklyDigest);
  }

  /** Digests sent or due: an admin sees everyone's, an office user their own. */
  async deliveries(principal: Principal, query: { limit: number; cursor?: string | undefined }): Promise<Page<DigestDelivery>> {
    const userId = principal.role === 'admin' ? null : officeUser(principal);
    const after = decodeCursor(query.cursor, cursorSchema);
    const [rows, total] = await rowsAndTotal(
      () => digestsRepo.list(this.db, userId, after ? { createdAt: new Date(after.at), id: after.id } : undefined, query.limit + 1),
      () => digestsRepo.total(this.db, userId),
    );
    return pageFrom(rows, query.limit, toDelivery, (row) => encodeCursor({ at: row.createdAt.toISOString(), id: row.id }), total);
  }

  private async view(userId: string, weeklyDigest: boolean): Promise<DigestSubscription> {
    const user = await usersRepo.findById(this.db, userId);
    return { weeklyDigest, email: user?.email ?? '' };
  }
}
