import { type Absence, type EducationPlanRules, type createAbsenceRequest, fieldIssue } from '@alis/shared';
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
import { emitAgreement, planRulesOf, plannedEndOf } from './agreements.service.js';
import { emitEvent } from '../events/events.service.js';

export type CreateAbsenceInput = z.output<typeof createAbsenceRequest>;

export const toAbsence = (row: AbsenceRow): Absence => ({
  id: row.id,
  agreementId: row.agreementId,
  kind: row.kind,
  from: row.fromDate,
  to: row.toDate,
  createdAt: row.createdAt.toISOString(),
});

/**
 * After an absence changed: the planned end date from the absences as they are now, audited with
 * the change; the feed gets the absence's event and the agreement's (its planned end moved).
 */
async function movePlannedEnd(
  tx: Executor,
  context: RequestContext,
  agreement: AgreementRow,
  action: string,
  change: { type: 'absence.created' | 'absence.deleted'; absence: Absence },
  planRules: EducationPlanRules,
) {
  const planned = await plannedEndOf(tx, agreement);
  await agreementsRepo.update(tx, agreement.id, { plannedEndDate: planned });
  const absence = change.type === 'absence.created' ? { after: { absence: change.absence } } : { before: { absence: change.absence } };
  await recordAudit(tx, context, {
    action,
    entityType: 'agreement',
    entityId: agreement.id,
    before: { ...absence.before, plannedEndDate: agreement.plannedEndDate },
    after: { ...absence.after, plannedEndDate: planned },
  });
  const kommunenumre = [agreement.kommunenummer];
  await emitEvent(tx, { type: change.type, subject: { type: 'absence', id: change.absence.id }, kommunenumre, data: change.absence });
  const updated = await agreementsRepo.get(tx, agreement.id, { officeCode: null, kommunenummer: null });
  if (updated) await emitAgreement(tx, 'agreement.updated', updated, planRules);
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
      await movePlannedEnd(tx, context, current, 'agreement.absence_added', { type: 'absence.created', absence }, planRulesOf(this.deps.config));
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
      await movePlannedEnd(tx, context, current, 'agreement.absence_removed', { type: 'absence.deleted', absence: toAbsence(absence) }, planRulesOf(this.deps.config));
    });
  }
}
