import {
  type Page,
  REGISTRATION_DECISIONS,
  REGISTRATION_TRANSITIONS,
  type Registration,
  type RegistrationHistoryEntry,
  type RegistrationStatus,
  type Role,
  canTransition,
  fieldIssue,
  missingApplicationElements,
  registeredFromDate,
  registrationStatuses,
  earliestApplicationDate,
  type Specialty,
  todayInNorway,
  type updateRegistrationRequest,
} from '@alis/shared';
import { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { AppError, forbidden, invalidField, notFound, unprocessable } from '../../lib/app-error.js';
import { diff, recordAudit } from '../../lib/audit.js';
import { cursorBigintId, decodeCursor, encodeCursor, pageFrom } from '../../lib/cursor.js';
import { rowsAndTotal } from '../../lib/list.js';
import { assertVersion } from '../../lib/etag.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { Service } from '../../lib/service.js';
import { type Versioned, withVersion } from '../../lib/versioned.js';
import { municipalityScope } from '../../lib/scope.js';
import { emitEvent } from '../events/events.service.js';
import { refreshRegistrationPeriods } from './registration-periods.js';
import { type HistoryRow, type RegistrationChanges, type RegistrationRow, registrationsRepo } from './registrations.repo.js';

export type RegistrationUpdate = z.output<typeof updateRegistrationRequest>;
export interface RegistrationTransition {
  to: RegistrationStatus;
  date?: string | undefined;
  note?: string | undefined;
  decisionReference?: string | undefined;
}


/** Who may prepare and send an application (with the `write` scope), and who may decide (with `decide`). */
const PREPARING_ROLES: readonly Role[] = ['admin', 'office', 'municipality'];
const DECIDING_ROLES: readonly Role[] = ['admin', 'directorate'];

const isDecision = (status: RegistrationStatus) => REGISTRATION_DECISIONS.includes(status);

function mayMoveTo(principal: Principal, to: RegistrationStatus): boolean {
  return isDecision(to)
    ? DECIDING_ROLES.includes(principal.role) && principal.scopes.includes('decide')
    : PREPARING_ROLES.includes(principal.role) && principal.scopes.includes('write');
}

const asStatus = (value: string): RegistrationStatus => {
  const status = registrationStatuses.find((candidate) => candidate === value);
  if (!status) throw new AppError('internal_error', `A registration has the unknown status "${value}".`);
  return status;
};

/** The registration's content, whether saved or the default of one never saved. */
type RegistrationState = Required<RegistrationChanges> & { status: RegistrationStatus };

const NOT_SAVED: RegistrationState = {
  status: 'not_registered',
  responsibleName: null,
  responsibleEmail: null,
  educationPlanUrl: null,
  supervisionArrangement: null,
  learningArenas: [],
  applicationDate: null,
  decisionDate: null,
  registeredFrom: null,
  decisionReference: null,
  notes: null,
};

function stateOf(row: RegistrationRow | null | undefined): RegistrationState {
  if (!row) return NOT_SAVED;
  return {
    status: asStatus(row.status),
    responsibleName: row.responsibleName,
    responsibleEmail: row.responsibleEmail,
    educationPlanUrl: row.educationPlanUrl,
    supervisionArrangement: row.supervisionArrangement,
    learningArenas: row.learningArenas,
    applicationDate: row.applicationDate,
    decisionDate: row.decisionDate,
    registeredFrom: row.registeredFrom,
    decisionReference: row.decisionReference,
    notes: row.notes,
  };
}

/** The API view; `principal` decides `allowedTransitions` (null: every move the lifecycle allows, as in the feed). */
export function toRegistration(kommunenummer: string, specialty: Specialty, row: RegistrationRow | null | undefined, principal: Principal | null): Registration {
  const state = stateOf(row);
  return {
    kommunenummer,
    specialty,
    ...state,
    learningArenas: [...state.learningArenas],
    missingForApplication: missingApplicationElements(state),
    allowedTransitions: REGISTRATION_TRANSITIONS[state.status].filter((to) => principal === null || mayMoveTo(principal, to)),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/**
 * A registration's change in the feed. Its readers differ in what they may do, so `allowedTransitions`
 * there lists what the lifecycle allows from the status, whoever may make each move.
 */
function emitRegistration(tx: Executor, type: 'registration.updated' | 'registration.transitioned', kommunenummer: string, specialty: Specialty, row: RegistrationRow) {
  return emitEvent(tx, {
    type,
    subject: { type: 'registration', id: `${kommunenummer}/${specialty}` },
    kommunenumre: [kommunenummer],
    data: toRegistration(kommunenummer, specialty, row, null),
  });
}

const toHistoryEntry = (row: HistoryRow): RegistrationHistoryEntry => ({
  id: row.id.toString(),
  from: asStatus(row.fromStatus),
  to: asStatus(row.toStatus),
  date: row.date,
  note: row.note,
  actorType: row.actorType,
  actorId: row.actorId,
  actorName: row.actorName,
  occurredAt: row.occurredAt.toISOString(),
});

const cursorSchema = z.object({ id: cursorBigintId });
const notFoundMunicipality = (kommunenummer: string) => notFound(`Municipality ${kommunenummer}`);

/** A decision (or deregistration) cannot predate what it decides on. */
function assertNotBefore(date: string, earliest: string | null, reference: 'applicationDate' | 'decisionDate' | 'previousTransition') {
  const what = { applicationDate: 'application date', decisionDate: 'decision date', previousTransition: 'date of the previous change' }[reference];
  if (earliest !== null && date < earliest) {
    throw unprocessable(`The date ${date} is before the ${what} (${earliest}).`, [
      fieldIssue({ path: 'date', code: 'too_early', message: `must not be before the ${what} ${earliest}`, params: { earliest, reference } }),
    ]);
  }
}

/**
 * What moving to `to` on `date` changes, or a 422 when the preconditions fail. The lifecycle
 * itself (which status may follow which) is checked before this.
 */
function transitionChanges(current: RegistrationState, to: RegistrationStatus, date: string, preparedOn: string | null): RegistrationChanges {
  switch (to) {
    case 'preparing':
      // A new round after a rejection or a deregistration: the earlier application and decision
      // belong to the previous round and stay in the history; the content is kept to be reworked.
      return current.status === 'rejected' || current.status === 'deregistered'
        ? { status: to, applicationDate: null, decisionDate: null, registeredFrom: null, decisionReference: null }
        : { status: to };
    case 'applied': {
      const missing = missingApplicationElements(current);
      if (missing.length > 0) throw unprocessable('The application is not complete; see errors for what is missing.', missing);
      // An application is not dated before its round was being prepared, nor before the regulation.
      const earliest = earliestApplicationDate(preparedOn);
      if (date < earliest) {
        const reference = earliest === preparedOn ? 'preparedOn' : 'regulation';
        throw unprocessable(`The application date ${date} is before ${reference === 'preparedOn' ? 'the preparation of this round began' : 'the regulation came into force'} (${earliest}).`, [
          fieldIssue({ path: 'date', code: 'too_early', message: `must not be before ${earliest}`, params: { earliest, reference } }),
        ]);
      }
      return { status: to, applicationDate: date };
    }
    case 'registered':
    case 'rejected': {
      const applicationDate = current.applicationDate;
      if (applicationDate === null) {
        throw unprocessable('The registration has no application date to decide on.', [
          fieldIssue({ path: 'applicationDate', code: 'missing', message: 'the application date is missing' }),
        ]);
      }
      assertNotBefore(date, applicationDate, 'applicationDate');
      return to === 'registered'
        ? { status: to, decisionDate: date, registeredFrom: registeredFromDate(applicationDate) }
        : { status: to, decisionDate: date };
    }
    case 'deregistered':
      // The registration's dates stay as the record of the period it was registered; the
      // deregistration date is the transition's.
      assertNotBefore(date, current.decisionDate ?? current.applicationDate, current.decisionDate ? 'decisionDate' : 'applicationDate');
      return { status: to };
    case 'not_registered':
      // No transition leads here; canTransition refuses it before this is reached.
      throw new AppError('illegal_transition', 'A registration cannot go back to not_registered.', {
        allowed: [...REGISTRATION_TRANSITIONS[current.status]],
      });
  }
}

interface Written {
  before: RegistrationRow | null;
  after: RegistrationRow | null;
}

export class RegistrationsService extends Service {
  async get(principal: Principal, kommunenummer: string, specialty: Specialty): Promise<Versioned<Registration>> {
    const found = await registrationsRepo.getWithMunicipality(this.db, kommunenummer, specialty, municipalityScope(principal));
    if (!found) throw notFoundMunicipality(kommunenummer);
    return withVersion(toRegistration(found.kommunenummer, specialty, found.registration, principal));
  }

  async update(
    context: RequestContext,
    kommunenummer: string,
    specialty: Specialty,
    input: RegistrationUpdate,
    expected: number | undefined,
  ): Promise<Versioned<Registration>> {
    return context.transact(async (tx) => {
      await this.assertInScope(tx, context.principal, kommunenummer);
      const { before, after } = await this.write(tx, kommunenummer, specialty, expected, (current) => {
        const changed = diff(current, { ...current, ...input });
        return changed ? input : null;
      });
      if (after !== before && after) {
        const changed = diff(stateOf(before), stateOf(after));
        await recordAudit(tx, context, {
          action: before ? 'registration.updated' : 'registration.created',
          entityType: 'registration',
          entityId: kommunenummer,
          before: changed?.before,
          after: { specialty, ...changed?.after },
        });
        await emitRegistration(tx, 'registration.updated', kommunenummer, specialty, after);
      }
      return withVersion(toRegistration(kommunenummer, specialty, after, context.principal));
    });
  }

  async transition(
    context: RequestContext,
    kommunenummer: string,
    specialty: Specialty,
    request: RegistrationTransition,
    expected: number | undefined,
  ): Promise<Versioned<Registration>> {
    const { principal } = context;
    const today = todayInNorway();
    const date = request.date ?? today;
    if (date > today) {
      throw invalidField({ path: 'date', code: 'in_future', message: `must not be in the future (today is ${today} in Norway)`, params: { today } });
    }
    const note = request.note || null;
    if (request.decisionReference && !isDecision(request.to)) {
      throw invalidField({
        path: 'decisionReference',
        code: 'not_allowed',
        message: 'only a decision (registered, rejected, deregistered) carries a decision reference',
        params: { reason: 'decision_only' },
      });
    }

    return context.transact(async (tx) => {
      await this.assertInScope(tx, principal, kommunenummer);
      if (!mayMoveTo(principal, request.to)) {
        throw forbidden(
          isDecision(request.to)
            ? `Only Helsedirektoratet or an administrator may decide a registration (${request.to}).`
            : `The ${principal.role} role may not move a registration to ${request.to}; that is the municipality's and its ALIS office's work.`,
        );
      }
      // Locked first, so that the history read next is the one the change follows.
      await registrationsRepo.getForUpdate(tx, kommunenummer, specialty);
      const timeline = await registrationsRepo.timeline(tx, kommunenummer, specialty);
      const { before, after } = await this.write(tx, kommunenummer, specialty, expected, (current) => {
        if (!canTransition(current.status, request.to)) {
          const allowed = REGISTRATION_TRANSITIONS[current.status];
          throw new AppError(
            'illegal_transition',
            `A registration that is ${current.status} cannot become ${request.to}; allowed: ${allowed.join(', ') || 'none'}.`,
            { from: current.status, to: request.to, allowed: [...allowed] },
          );
        }
        const changes = transitionChanges(current, request.to, date, timeline.preparedOn);
        // Every change follows the one before it: its date is not earlier (checked after the rules of
        // each step, whose reason is the more telling).
        if (timeline.lastDate !== null) assertNotBefore(date, timeline.lastDate, 'previousTransition');
        return request.decisionReference ? { ...changes, decisionReference: request.decisionReference } : changes;
      });
      if (!after) throw new AppError('internal_error', 'The transition saved nothing.');
      const from = stateOf(before).status;
      await registrationsRepo.insertTransition(tx, {
        registrationId: after.id,
        fromStatus: from,
        toStatus: request.to,
        date,
        note,
        actorType: principal.kind,
        actorId: principal.id,
      });
      await refreshRegistrationPeriods(tx, [after.id]);
      const changed = diff(stateOf(before), stateOf(after));
      await recordAudit(tx, context, {
        action: 'registration.transitioned',
        entityType: 'registration',
        entityId: kommunenummer,
        before: changed?.before,
        after: { specialty, ...changed?.after },
      });
      await emitRegistration(tx, 'registration.transitioned', kommunenummer, specialty, after);
      return withVersion(toRegistration(kommunenummer, specialty, after, principal));
    });
  }

  async history(
    principal: Principal,
    kommunenummer: string,
    query: { specialty: Specialty; limit: number; cursor?: string | undefined },
  ): Promise<Page<RegistrationHistoryEntry>> {
    const before = decodeCursor(query.cursor, cursorSchema);
    await this.assertInScope(this.db, principal, kommunenummer);
    const [rows, total] = await rowsAndTotal(
      () => registrationsRepo.history(this.db, kommunenummer, query.specialty, before ? BigInt(before.id) : undefined, query.limit + 1),
      () => registrationsRepo.historyTotal(this.db, kommunenummer, query.specialty),
    );
    return pageFrom(rows, query.limit, toHistoryEntry, (row) => encodeCursor({ id: row.id.toString() }), total);
  }

  /** Out of scope and unknown look the same (404), so numbers cannot be probed. */
  private async assertInScope(db: Executor, principal: Principal, kommunenummer: string) {
    if (!(await registrationsRepo.municipalityInScope(db, kommunenummer, municipalityScope(principal)))) {
      throw notFoundMunicipality(kommunenummer);
    }
  }

  /**
   * Locks the registration (or learns none is saved yet), checks If-Match against it (`"v0"` for
   * one never saved) and writes what `plan` returns: an update, or an insert on the first save.
   * `plan` returns null when nothing changes. Two first saves race on the unique index
   * (kommunenummer, specialty): the loser's insert does nothing, and it starts again on the
   * winner's row, which its If-Match then no longer matches.
   */
  private async write(
    tx: Executor,
    kommunenummer: string,
    specialty: Specialty,
    expected: number | undefined,
    plan: (current: RegistrationState) => RegistrationChanges | null,
  ): Promise<Written> {
    for (;;) {
      const current = (await registrationsRepo.getForUpdate(tx, kommunenummer, specialty)) ?? null;
      assertVersion(expected, current?.version ?? 0, `The registration of ${kommunenummer}`);
      const changes = plan(stateOf(current));
      if (!changes) return { before: current, after: current };
      if (current) return { before: current, after: await registrationsRepo.update(tx, current.id, changes) };
      const inserted = await registrationsRepo.insert(tx, kommunenummer, specialty, changes);
      if (inserted) return { before: null, after: inserted };
    }
  }
}
