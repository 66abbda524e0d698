import { type Absence, type createAbsenceRequest, fieldIssue } from '@alis/shared';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { recordAudit } from '../../lib/audit.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { Service } from '../../lib/service.js';
import { type AbsenceRow, absencesRepo } from './absences.repo.js';
import { assertOpen, lockAgreement, visibleAgreement } from './agreement-access.js';
import { type AgreementRow, agreementsRepo } from './agreements.repo.js';
import { plannedEndOf } from './agreements.service.js';

export type CreateAbsenceInput = z.output<typeof createAbsenceRequest>;

export const toAbsence = (row: AbsenceRow): Absence => ({
  id: row.id,
  agreementId: row.agreementId,
  kind: row.kind,
  from: row.fromDate,
  to: row.toDate,
  createdAt: row.createdAt.toISOString(),
});

/** After an absence changed: the planned end date from the absences as they are now, audited with the change. */
async function movePlannedEnd(
  tx: Executor,
  context: RequestContext,
  agreement: AgreementRow,
  action: string,
  change: { before?: Record<string, unknown>; after?: Record<string, unknown> },
) {
  const planned = await plannedEndOf(tx, agreement);
  await agreementsRepo.update(tx, agreement.id, { plannedEndDate: planned });
  await recordAudit(tx, context, {
    action,
    entityType: 'agreement',
    entityId: agreement.id,
    before: { ...change.before, plannedEndDate: agreement.plannedEndDate },
    after: { ...change.after, plannedEndDate: planned },
  });
}

/**
 * Absences of an agreement. Each change recomputes the agreement's planned end date, so the
 * agreement's version (its ETag) moves too, and `If-Match` is the agreement's.
 */
export class AbsencesService extends Service {
  async list(principal: Principal, id: string): Promise<{ items: Absence[] }> {
    await visibleAgreement(this.db, principal, id);
    return { items: (await absencesRepo.list(this.db, id)).map(toAbsence) };
  }

  async get(principal: Principal, id: string, absenceId: string): Promise<Absence> {
    await visibleAgreement(this.db, principal, id);
    const row = await absencesRepo.get(this.db, id, absenceId);
    if (!row) throw notFound('The absence');
    return toAbsence(row);
  }

  /** Records an absence and moves the planned end date; the agreement's version (ETag) moves too. */
  async add(context: RequestContext, id: string, input: CreateAbsenceInput, expected: number | undefined): Promise<Absence> {
    return context.transact(async (tx) => {
      // The row lock serialises absence changes per agreement, so two overlapping inserts cannot both pass.
      const current = await lockAgreement(tx, context.principal, id, expected);
      assertOpen(current, 'absences can be recorded');
      const overlapping = await absencesRepo.findOverlapping(tx, id, input.from, input.to);
      if (overlapping) {
        throw new AppError(
          'unprocessable',
          `The absence overlaps absence ${overlapping.id} (${overlapping.fromDate} – ${overlapping.toDate}) of this agreement.`,
          {
            overlappingId: overlapping.id,
            errors: [
              fieldIssue({
                path: 'from',
                code: 'overlaps',
                message: `overlaps the absence ${overlapping.fromDate} – ${overlapping.toDate}`,
                params: { id: overlapping.id, from: overlapping.fromDate, to: overlapping.toDate },
              }),
            ],
          },
        );
      }
      const absence = toAbsence(await absencesRepo.insert(tx, { agreementId: id, kind: input.kind, fromDate: input.from, toDate: input.to }));
      await movePlannedEnd(tx, context, current, 'agreement.absence_added', { after: { absence } });
      return absence;
    });
  }

  async remove(context: RequestContext, id: string, absenceId: string, expected: number | undefined): Promise<void> {
    await context.transact(async (tx) => {
      const current = await lockAgreement(tx, context.principal, id, expected);
      const absence = await absencesRepo.get(tx, id, absenceId);
      if (!absence) throw notFound('The absence');
      assertOpen(current, 'absences can be removed');
      await absencesRepo.delete(tx, id, absenceId);
      await movePlannedEnd(tx, context, current, 'agreement.absence_removed', { before: { absence: toAbsence(absence) } });
    });
  }
}
