import {
  AGREEMENT_TRANSITIONS,
  type Agreement,
  type AgreementStatus,
  type FieldError,
  OPEN_AGREEMENT_STATUSES,
  type Page,
  type RegistrationStatus,
  SERVICE_COUNTING_STATUSES,
  type VeilederFacts,
  agreementWarnings,
  type agreementTransitionRequest,
  type createAgreementRequest,
  fieldIssue,
  isoDate,
  type listAgreementsQuery,
  plannedEndDate,
  qualifiedAsVeileder,
  registeredFromDate,
  todayInNorway,
  type updateAgreementRequest,
} from '@alis/shared';
import { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { AppError, invalid, invalidField, notFound, unknownReference, unprocessable } from '../../lib/app-error.js';
import { diff, recordAudit } from '../../lib/audit.js';
import { pick } from '../../lib/collections.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { type MunicipalityScope, municipalityScope } from '../../lib/scope.js';
import { Service } from '../../lib/service.js';
import { type Versioned, withVersion } from '../../lib/versioned.js';
import { municipalitiesRepo } from '../municipalities/municipalities.repo.js';
import { absencesRepo } from './absences.repo.js';
import { assertOpen, lockAgreement, visibleAgreement } from './agreement-access.js';
import {
  type AgreementChanges,
  type AgreementRow,
  type CurrentVeilederRow,
  type RegistrationHistoryRow,
  agreementsRepo,
} from './agreements.repo.js';
import { supervisionsRepo } from './supervisions.repo.js';

export type CreateAgreementInput = z.output<typeof createAgreementRequest>;
export type UpdateAgreementInput = z.output<typeof updateAgreementRequest>;
export type AgreementTransitionInput = z.output<typeof agreementTransitionRequest>;
export type ListAgreementsInput = z.output<typeof listAgreementsQuery>;


/** Warnings look at the § 19 registration in general practice: the specialty ALIS train in. */
const TRAINING_SPECIALTY = 'ALM';
const CLOSING_STATUSES: readonly AgreementStatus[] = ['completed', 'terminated'];

const cursorSchema = z.object({ s: isoDate, i: z.uuid() });

/** The agreement's own terms and state: what the API shows as is and the audit log keeps. */
const TERMS = [
  'employmentForm',
  'position',
  'positionPercent',
  'signedOn',
  'startDate',
  'viaStaffingAgency',
  'notes',
  'status',
  'endDate',
  'endReason',
  'plannedEndDate',
] as const;
const auditView = (row: Pick<AgreementRow, (typeof TERMS)[number]>) => pick(row, TERMS);

/**
 * Whether the municipality's registration counted (applied or registered) on `startDate`.
 *
 * From the registration's history when it has one: the last transition (in the order they were
 * made) that had taken effect on the start date decides. A transition takes effect on its date,
 * except that an application (→ applied) counts from the registration date rule of § 19: its date,
 * or 1 March 2019 for one sent before 1 June 2019. A registration without recorded transitions
 * (imported) falls back to its current status with the date it counts from.
 */
export function registeredOn(history: readonly RegistrationHistoryRow[], startDate: string): boolean {
  const counts = (status: string | null) => status !== null && SERVICE_COUNTING_STATUSES.includes(status as RegistrationStatus);
  const transitions = history.flatMap((row) => (row.transitionId !== null && row.transitionDate !== null ? [{ ...row, date: row.transitionDate }] : []));
  if (transitions.length > 0) {
    let last: string | null = null;
    for (const transition of transitions) {
      const { date } = transition;
      const effective = transition.toStatus === 'applied' ? registeredFromDate(date) : date;
      if (effective <= startDate) last = transition.toStatus;
    }
    return counts(last);
  }
  const registration = history[0];
  if (!registration || !counts(registration.status)) return false;
  const countsFrom = registration.registeredFrom ?? (registration.applicationDate ? registeredFromDate(registration.applicationDate) : null);
  return countsFrom !== null && countsFrom <= startDate;
}

function toAgreement(row: AgreementRow, registered: boolean, veileder: CurrentVeilederRow | undefined, today: string): Agreement {
  const facts: VeilederFacts | null = veileder
    ? {
        name: veileder.name,
        qualified: qualifiedAsVeileder(veileder, today),
        activeVeilederCount: veileder.activeVeilederCount,
        capacity: veileder.capacity,
      }
    : null;
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    municipalityName: row.municipalityName,
    officeCode: row.officeCode,
    doctor: { id: row.doctorId, hprNumber: row.doctorHprNumber, name: row.doctorName },
    ...pick(row, TERMS),
    warnings: agreementWarnings({
      status: row.status,
      startDate: row.startDate,
      plannedEndDate: row.plannedEndDate,
      viaStaffingAgency: row.viaStaffingAgency,
      municipalityRegisteredAtStart: registered,
      veileder: facts,
      today,
    }),
    currentVeileder: veileder ? { supervisionId: veileder.supervisionId, supervisorId: veileder.supervisorId, name: veileder.name } : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The API view of a set of agreements: two queries whatever the number of rows (registrations
 * with their history for the rows' municipalities, and today's veileders with their loads).
 */
async function viewsOf(db: Executor, rows: readonly AgreementRow[], today: string): Promise<Agreement[]> {
  if (rows.length === 0) return [];
  const kommunenumre = [...new Set(rows.map((row) => row.kommunenummer))];
  // One after the other: inside a transaction both run on the same connection anyway.
  const history = await agreementsRepo.registrationHistory(db, kommunenumre, TRAINING_SPECIALTY);
  const veileders = await agreementsRepo.currentVeileders(db, rows.map((row) => row.id), today);
  const historyOf = new Map<string, RegistrationHistoryRow[]>();
  for (const entry of history) historyOf.set(entry.kommunenummer, [...(historyOf.get(entry.kommunenummer) ?? []), entry]);
  const veilederOf = new Map<string, CurrentVeilederRow>();
  // Ordered newest start first per agreement: the first one seen is the current veileder.
  for (const veileder of veileders) if (!veilederOf.has(veileder.agreementId)) veilederOf.set(veileder.agreementId, veileder);
  return rows.map((row) =>
    toAgreement(row, registeredOn(historyOf.get(row.kommunenummer) ?? [], row.startDate), veilederOf.get(row.id), today),
  );
}

async function versionedView(db: Executor, row: AgreementRow): Promise<Versioned<Agreement>> {
  const [agreement] = await viewsOf(db, [row], todayInNorway());
  if (!agreement) throw new AppError('internal_error', 'The agreement has no view.');
  return withVersion(agreement);
}

export class AgreementsService extends Service {
  async list(principal: Principal, query: ListAgreementsInput): Promise<Page<Agreement>> {
    const { limit, cursor, ...filter } = query;
    const after = decodeCursor(cursor, cursorSchema);
    const today = todayInNorway();
    const rows = await agreementsRepo.list(
      this.db,
      municipalityScope(principal),
      { ...filter, today, after: after ? { startDate: after.s, id: after.i } : undefined },
      limit + 1,
    );
    const pageRows = rows.slice(0, limit);
    const last = pageRows.at(-1);
    return {
      items: await viewsOf(this.db, pageRows, today),
      nextCursor: rows.length > limit && last ? encodeCursor({ s: last.startDate, i: last.id }) : null,
    };
  }

  async get(principal: Principal, id: string): Promise<Versioned<Agreement>> {
    return versionedView(this.db, await visibleAgreement(this.db, principal, id));
  }

  async create(context: RequestContext, input: CreateAgreementInput): Promise<Versioned<Agreement>> {
    const scope = municipalityScope(context.principal);
    const municipality = await municipalitiesRepo.get(this.db, input.kommunenummer, scope);
    if (!municipality) throw notFound(`Municipality ${input.kommunenummer}`);
    // Any existing doctor may be referenced: an agreement is how a doctor enters a scope.
    if (!(await agreementsRepo.doctorExists(this.db, input.doctorId))) {
      throw unknownReference('doctorId', 'doctor', input.doctorId, `no doctor has the id ${input.doctorId}`);
    }
    return context.transact(async (tx) => {
      const id = await agreementsRepo.insert(tx, {
        kommunenummer: input.kommunenummer,
        doctorId: input.doctorId,
        employmentForm: input.employmentForm,
        position: input.position,
        positionPercent: input.positionPercent,
        signedOn: input.signedOn ?? null,
        startDate: input.startDate,
        viaStaffingAgency: input.viaStaffingAgency,
        notes: input.notes ?? null,
        status: 'draft',
        plannedEndDate: plannedEndDate(input.startDate, input.positionPercent, []),
      });
      if (!id) {
        const existingId = await agreementsRepo.findOpenId(tx, input.doctorId, input.kommunenummer, OPEN_AGREEMENT_STATUSES);
        if (!existingId) throw new AppError('conflict', 'Another agreement was created for the doctor at the same moment; try again.');
        throw new AppError(
          'already_exists',
          `The doctor already has an open (draft or active) agreement with municipality ${input.kommunenummer}; complete or terminate it first.`,
          { existingId },
        );
      }
      const row = await this.reread(tx, id, scope);
      await recordAudit(tx, context, {
        action: 'agreement.created',
        entityType: 'agreement',
        entityId: id,
        after: { kommunenummer: row.kommunenummer, doctorId: row.doctorId, ...auditView(row) },
      });
      return versionedView(tx, row);
    });
  }

  async update(context: RequestContext, id: string, input: UpdateAgreementInput, expected: number | undefined): Promise<Versioned<Agreement>> {
    const scope = municipalityScope(context.principal);
    return context.transact(async (tx) => {
      const current = await lockAgreement(tx, context.principal, id, expected);
      assertOpen(current, 'it can be changed');
      const next = { ...current, ...input };
      if (next.status === 'active' && !next.signedOn) {
        throw unprocessable('An active agreement must keep the date it was signed.', [
          fieldIssue({ path: 'signedOn', code: 'required', message: 'an active agreement needs signedOn' }),
        ]);
      }
      if (next.startDate !== current.startDate || next.positionPercent !== current.positionPercent) {
        next.plannedEndDate = await plannedEndOf(tx, id, next.startDate, next.positionPercent);
      }
      const changed = diff(auditView(current), auditView(next));
      if (!changed) return versionedView(tx, current);
      await agreementsRepo.update(tx, id, changed.after);
      await recordAudit(tx, context, { action: 'agreement.updated', entityType: 'agreement', entityId: id, before: changed.before, after: changed.after });
      return versionedView(tx, await this.reread(tx, id, scope));
    });
  }

  async transition(
    context: RequestContext,
    id: string,
    input: AgreementTransitionInput,
    expected: number | undefined,
  ): Promise<Versioned<Agreement>> {
    const scope = municipalityScope(context.principal);
    return context.transact(async (tx) => {
      const current = await lockAgreement(tx, context.principal, id, expected);
      const allowed = AGREEMENT_TRANSITIONS[current.status];
      if (!allowed.includes(input.to)) {
        throw new AppError(
          'illegal_transition',
          `An agreement cannot go from ${current.status} to ${input.to}` + (allowed.length ? `; allowed: ${allowed.join(', ')}.` : '; it is closed.'),
          { from: current.status, to: input.to, allowed: [...allowed] },
        );
      }
      const closing = CLOSING_STATUSES.includes(input.to);
      if (!closing) {
        const stray = (['endDate', 'endReason'] as const).filter((field) => input[field] !== undefined);
        if (stray.length > 0) {
          throw invalid(
            stray.map((path) =>
              fieldIssue({ path, code: 'not_allowed', message: `only for completed or terminated, not ${input.to}`, params: { reason: 'closing_only' } }),
            ),
          );
        }
      }

      const missing: FieldError[] = [];
      if (input.to === 'active') {
        if (!current.signedOn) missing.push(fieldIssue({ path: 'signedOn', code: 'missing', message: 'the date the agreement was signed is missing; set it with PATCH first' }));
        if (!current.startDate) missing.push(fieldIssue({ path: 'startDate', code: 'missing', message: 'the start date is missing; set it with PATCH first' }));
      }
      if (closing) {
        if (!input.endDate) missing.push(fieldIssue({ path: 'endDate', code: 'required', message: `the last day of the agreement is needed to make it ${input.to}` }));
        if (!input.endReason) missing.push(fieldIssue({ path: 'endReason', code: 'required', message: `the reason it ended is needed to make it ${input.to}` }));
      }
      if (missing.length > 0) {
        throw unprocessable(`The agreement cannot become ${input.to}: ${missing.map((m) => m.path).join(', ')} missing.`, missing);
      }
      const closingOn = closing && input.endDate && input.endReason ? { endDate: input.endDate, endReason: input.endReason } : null;
      if (closingOn && closingOn.endDate < current.startDate) {
        throw invalidField({
          path: 'endDate',
          code: 'too_early',
          message: `must be on or after the start date ${current.startDate}`,
          params: { earliest: current.startDate, reference: 'startDate' },
        });
      }

      const changes: AgreementChanges = closingOn ? { status: input.to, ...closingOn } : { status: input.to };
      await agreementsRepo.update(tx, id, changes);
      await recordAudit(tx, context, {
        action: 'agreement.transitioned',
        entityType: 'agreement',
        entityId: id,
        before: { status: current.status },
        after: { ...changes, ...(input.note ? { note: input.note } : {}) },
      });
      if (closingOn) {
        // Supervision cannot outlast the agreement: what still runs past its end ends with it, so
        // the veileder's load (counted across all agreements) drops.
        for (const ended of await supervisionsRepo.endRunningPast(tx, id, closingOn.endDate)) {
          await recordAudit(tx, context, {
            action: 'supervision.ended',
            entityType: 'supervision',
            entityId: ended.id,
            before: { to: ended.previousTo },
            after: { agreementId: id, to: closingOn.endDate, reason: `agreement ${input.to}` },
          });
        }
      }
      return versionedView(tx, await this.reread(tx, id, scope));
    });
  }

  // --- helpers --------------------------------------------------------------------------------

  private async reread(tx: Executor, id: string, scope: MunicipalityScope): Promise<AgreementRow> {
    const row = await agreementsRepo.get(tx, id, scope);
    if (!row) throw new AppError('internal_error', 'The agreement vanished during the change.');
    return row;
  }

}

/** The shared planned-end-date rule over the agreement's absences as they are now in `tx`. */
export async function plannedEndOf(tx: Executor, id: string, startDate: string, positionPercent: number): Promise<string> {
  const absences = await absencesRepo.list(tx, id);
  return plannedEndDate(
    startDate,
    positionPercent,
    absences.map((absence) => ({ from: absence.fromDate, to: absence.toDate })),
  );
}
