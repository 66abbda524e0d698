import {
  type Supervision,
  fieldIssue,
  type createSupervisionRequest,
  type endSupervisionRequest,
  qualifiedAsVeileder,
  runsOn,
  todayInNorway,
} from '@alis/shared';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { AppError, invalidField, notFound, unknownReference, unprocessable } from '../../lib/app-error.js';
import { recordAudit } from '../../lib/audit.js';
import { assertVersion } from '../../lib/etag.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { Service } from '../../lib/service.js';
import type { Versioned } from '../../lib/versioned.js';
import { emitEvent } from '../events/events.service.js';
import { assertOpen, lockAgreement, visibleAgreement } from './agreement-access.js';
import { agreementsRepo } from './agreements.repo.js';
import { type SupervisionRow, supervisionsRepo } from './supervisions.repo.js';

export type CreateSupervisionInput = z.output<typeof createSupervisionRequest>;
export type EndSupervisionInput = z.output<typeof endSupervisionRequest>;

export function toSupervision(row: SupervisionRow, today: string): Supervision {
  return {
    id: row.id,
    agreementId: row.agreementId,
    supervisorId: row.supervisorId,
    supervisorName: row.supervisorName,
    role: row.role,
    from: row.fromDate,
    to: row.toDate,
    active: runsOn({ from: row.fromDate, to: row.toDate }, today),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

const versioned = (row: SupervisionRow): Versioned<Supervision> => ({ resource: toSupervision(row, todayInNorway()), version: row.version });

/** A supervision's change in the feed, for its agreement's municipality; gives the versioned view. */
export async function emitSupervision(
  tx: Executor,
  type: 'supervision.created' | 'supervision.ended',
  row: SupervisionRow,
  kommunenummer: string,
): Promise<Versioned<Supervision>> {
  const view = versioned(row);
  await emitEvent(tx, { type, subject: { type: 'supervision', id: row.id }, kommunenumre: [kommunenummer], data: view.resource });
  return view;
}

const auditView = (row: SupervisionRow) => ({
  agreementId: row.agreementId,
  supervisorId: row.supervisorId,
  role: row.role,
  from: row.fromDate,
  to: row.toDate,
});

function veilederConflict(existing: SupervisionRow & { kommunenummer?: string }, agreementId: string) {
  const period = `${existing.fromDate} – ${existing.toDate ?? 'open-ended'}`;
  const where = existing.agreementId === agreementId ? 'this agreement' : `the ALIS's agreement in ${existing.kommunenummer ?? 'another municipality'}`;
  return new AppError(
    'conflict',
    `The ALIS already has the veileder ${existing.supervisorName} (${period}) in ${where}; an ALIS has one veileder at a time, across agreements. End that supervision first.`,
    {
      reason: 'one_veileder_at_a_time',
      existingId: existing.id,
      existingSupervisorId: existing.supervisorId,
      existingAgreementId: existing.agreementId,
      supervisorName: existing.supervisorName,
      from: existing.fromDate,
      to: existing.toDate,
      ...(existing.kommunenummer ? { kommunenummer: existing.kommunenummer } : {}),
    },
  );
}

export class SupervisionsService extends Service {
  async list(principal: Principal, agreementId: string): Promise<{ items: Supervision[] }> {
    await visibleAgreement(this.db, principal, agreementId);
    const today = todayInNorway();
    return { items: (await supervisionsRepo.list(this.db, agreementId)).map((row) => toSupervision(row, today)) };
  }

  async get(principal: Principal, agreementId: string, id: string): Promise<Versioned<Supervision>> {
    await visibleAgreement(this.db, principal, agreementId);
    const row = await supervisionsRepo.get(this.db, agreementId, id);
    if (!row) throw notFound('The supervision');
    return versioned(row);
  }

  /**
   * Adds a veileder, clinical supervisor or group leader. A veileder must be qualified on the
   * first day of the supervision (422) and not overlap another veileder of the agreement (409).
   * Capacity is not checked here: an overloaded veileder is a warning on the agreement.
   */
  async create(context: RequestContext, agreementId: string, input: CreateSupervisionInput): Promise<Versioned<Supervision>> {
    return context.transact(async (tx) => {
      // The row lock serialises supervision changes per agreement; the partial unique index is the backstop.
      const agreement = await lockAgreement(tx, context.principal, agreementId);
      assertOpen(agreement, 'supervisions can be added');
      const supervisor = await supervisionsRepo.findSupervisor(tx, input.supervisorId);
      if (!supervisor) throw unknownReference('supervisorId', 'supervisor', input.supervisorId, `no supervisor has the id ${input.supervisorId}`);
      if (supervisor.hprNumber === agreement.doctorHprNumber) {
        throw unprocessable(`${supervisor.name} is the ALIS of this agreement, and cannot supervise themselves.`, [
          fieldIssue({ path: 'supervisorId', code: 'not_allowed', message: 'the same person as the ALIS (same HPR number)', params: { reason: 'own_supervisor' } }),
        ]);
      }
      const to = input.to ?? null;
      if (input.role === 'veileder') {
        // The doctor's lock: veileder changes in any of their agreements take turns.
        await agreementsRepo.lockDoctor(tx, agreement.doctorId);
        if (!qualifiedAsVeileder(supervisor, input.from)) {
          throw unprocessable(
            `${supervisor.name} cannot be veileder from ${input.from}: not a specialist in general practice and no exemption valid on that day.`,
            [
              fieldIssue({
                path: 'supervisorId',
                code: 'not_qualified',
                message: 'not qualified as veileder on the start date (specialist or valid exemption needed)',
                params: { date: input.from },
              }),
            ],
          );
        }
        const overlapping = await supervisionsRepo.findOverlappingVeileder(tx, agreement.doctorId, { from: input.from, to });
        if (overlapping) throw veilederConflict(overlapping, agreementId);
      }
      const id = await supervisionsRepo.insert(tx, {
        agreementId,
        supervisorId: input.supervisorId,
        role: input.role,
        fromDate: input.from,
        toDate: to,
      });
      if (!id) {
        const open = await supervisionsRepo.findOpenVeileder(tx, agreementId);
        if (open) throw veilederConflict(open, agreementId);
        throw new AppError('conflict', 'The agreement already has an open-ended veileder.', { reason: 'open_ended_veileder' });
      }
      const row = await this.reread(tx, agreementId, id);
      await recordAudit(tx, context, { action: 'supervision.created', entityType: 'supervision', entityId: id, after: auditView(row) });
      return emitSupervision(tx, 'supervision.created', row, agreement.kommunenummer);
    });
  }

  /** Ends a supervision on `to` (its last day); also moves the end of one already ended. */
  async end(
    context: RequestContext,
    agreementId: string,
    id: string,
    input: EndSupervisionInput,
    expected: number | undefined,
  ): Promise<Versioned<Supervision>> {
    return context.transact(async (tx) => {
      const agreement = await lockAgreement(tx, context.principal, agreementId);
      const current = await supervisionsRepo.get(tx, agreementId, id);
      if (!current) throw notFound('The supervision');
      assertVersion(expected, current.version, 'The supervision');
      if (input.to < current.fromDate) {
        throw invalidField({
          path: 'to',
          code: 'too_early',
          message: `must be on or after from (${current.fromDate})`,
          params: { earliest: current.fromDate, reference: 'from' },
        });
      }
      if (input.to === current.toDate) return versioned(current);
      if (current.role === 'veileder') {
        await agreementsRepo.lockDoctor(tx, agreement.doctorId);
        const overlapping = await supervisionsRepo.findOverlappingVeileder(tx, agreement.doctorId, { from: current.fromDate, to: input.to }, id);
        if (overlapping) throw veilederConflict(overlapping, agreementId);
      }
      await supervisionsRepo.setEnd(tx, id, input.to);
      const row = await this.reread(tx, agreementId, id);
      await recordAudit(tx, context, {
        action: 'supervision.ended',
        entityType: 'supervision',
        entityId: id,
        before: { to: current.toDate },
        after: { agreementId, to: row.toDate },
      });
      return emitSupervision(tx, 'supervision.ended', row, agreement.kommunenummer);
    });
  }

  private async reread(tx: Executor, agreementId: string, id: string): Promise<SupervisionRow> {
    const row = await supervisionsRepo.get(tx, agreementId, id);
    if (!row) throw new AppError('internal_error', 'The supervision vanished during the change.');
    return row;
  }
}
