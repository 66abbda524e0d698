import {
  type Page,
  type PersonReference,
  type Supervisor,
  type SupervisorDetail,
  type createSupervisorRequest,
  type listSupervisorsQuery,
  qualifiedAsVeileder,
  runsOn,
  todayInNorway,
  type updateSupervisorRequest,
} from '@alis/shared';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { inOneRoundTrip } from '../../db/lean-execution.js';
import { AppError, invalidField, notFound } from '../../lib/app-error.js';
import { diff, recordAudit } from '../../lib/audit.js';
import { pick } from '../../lib/collections.js';
import { assertVersion } from '../../lib/etag.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { Service } from '../../lib/service.js';
import { personFilter, personPage, personPageKey } from '../../lib/person-list.js';
import { withVersion } from '../../lib/versioned.js';
import type { Versioned } from '../../lib/versioned.js';
import { assertMunicipalityExists } from '../reference/reference.service.js';
import { type MunicipalityScope, municipalityScope } from '../../lib/scope.js';
import { emitEvent } from '../events/events.service.js';
import { coursesRepo } from '../courses/courses.repo.js';
import {
  type SupervisionRow,
  type SupervisorChanges,
  type SupervisorRecord,
  type SupervisorRow,
  supervisorPosition,
  supervisorSortsFor,
  supervisorsRepo,
} from './supervisors.repo.js';

export type SupervisorCreate = z.output<typeof createSupervisorRequest>;
export type SupervisorUpdate = z.output<typeof updateSupervisorRequest>;
export type SupervisorListQuery = z.output<typeof listSupervisorsQuery>;

/** The supervisor's own facts: what the API shows and the audit log keeps. */
const FACTS = [
  'hprNumber',
  'name',
  'email',
  'phone',
  'workplaceKommunenummer',
  'specialistInGeneralPractice',
  'specialistApprovedOn',
  'exemptionFrom',
  'exemptionUntil',
  'courseCompletedOn',
  'capacity',
] as const;

export function toSupervisor(row: SupervisorRow, today: string): Supervisor {
  return {
    id: row.id,
    ...pick(row, FACTS),
    qualifiedToday: qualifiedAsVeileder(row, today),
    currentLoad: row.currentLoad,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toSupervisorDetail(row: SupervisorRow, supervisions: SupervisionRow[], today: string): SupervisorDetail {
  return {
    ...toSupervisor(row, today),
    supervisions: supervisions.map((s) => ({ ...s, active: runsOn(s, today) })),
  };
}

/** What the audit log keeps of a supervisor: its facts and who registered it. */
const auditView = (row: SupervisorRecord) => pick(row, [...FACTS, 'createdByOfficeCode']);

const notFoundSupervisor = () => notFound('The supervisor');

/**
 * A specialist approval date belongs to a specialist. An exemption (§ 25) is for non-specialists;
 * on a specialist it is accepted and kept, but qualification does not depend on it.
 */
function assertExemptionPeriod(exemptionFrom: string | null | undefined, exemptionUntil: string | null | undefined) {
  if (exemptionFrom && exemptionUntil && exemptionUntil < exemptionFrom) {
    throw invalidField({
      path: 'exemptionUntil',
      code: 'too_early',
      message: `must be on or after exemptionFrom (${exemptionFrom})`,
      params: { earliest: exemptionFrom, reference: 'exemptionFrom' },
    });
  }
}

function assertSpecialistFields(specialistInGeneralPractice: boolean, specialistApprovedOn: string | null | undefined) {
  if (specialistApprovedOn && !specialistInGeneralPractice) {
    throw invalidField({
      path: 'specialistApprovedOn',
      code: 'not_allowed',
      message: 'only a specialist in general practice has a specialist approval date; set specialistInGeneralPractice to true or clear it',
      params: { reason: 'specialist_only' },
    });
  }
}

/**
 * A supervisor's change in the feed, for every municipality the supervisor concerns. The data is
 * the supervisor without its supervisions: which of those a reader may see depends on the reader.
 */
export async function emitSupervisor(tx: Executor, type: 'supervisor.created' | 'supervisor.updated', row: SupervisorRow, today: string) {
  await emitEvent(tx, {
    type,
    subject: { type: 'supervisor', id: row.id },
    kommunenumre: await supervisorsRepo.municipalitiesOf(tx, row),
    data: toSupervisor(row, today),
  });
}

export class SupervisorsService extends Service {

  /** Kept like the other lists' pages, except look-ups by HPR number (`personPageKey`). */
  readonly pageKey = personPageKey;

  /**
   * The caller's supervisors with their load today. An exact `hprNumber` looks the number up across
   * every scope (so nobody registers a supervisor twice), rate-limited per caller; the other filters
   * still apply to it. One found that way outside the scope is shown as a reference (id and number).
   */
  async list(principal: Principal, query: SupervisorListQuery): Promise<Page<Supervisor | PersonReference>> {
    const today = todayInNorway();
    const scope = municipalityScope(principal);
    if (query.hprNumber) await this.limitLookups(principal);
    const filter = { ...personFilter(query), qualified: query.qualified, overCapacity: query.overCapacity };
    return personPage(scope, query, {
      sorts: supervisorSortsFor,
      position: supervisorPosition,
      rows: (listScope, page) => supervisorsRepo.list(this.db, listScope, filter, today, page),
      total: (listScope) => supervisorsRepo.total(this.db, listScope, filter, today),
      inScope: (id) => supervisorsRepo.get(this.db, id, scope, today),
      show: (row) => toSupervisor(row, today),
    });
  }

  async get(principal: Principal, id: string): Promise<Versioned<SupervisorDetail>> {
    const today = todayInNorway();
    const scope = municipalityScope(principal);
    // Both at once (one round trip): the supervisions are read in the caller's scope too, and unused when the supervisor is not in it.
    const [row, supervisions] = await inOneRoundTrip(() =>
      Promise.all([supervisorsRepo.get(this.db, id, scope, today), supervisorsRepo.supervisionsOf(this.db, id, scope)]),
    );
    if (!row) throw notFoundSupervisor();
    return withVersion(toSupervisorDetail(row, supervisions, today));
  }

  async create(context: RequestContext, input: SupervisorCreate): Promise<Versioned<SupervisorDetail>> {
    const { principal } = context;
    const today = todayInNorway();
    const workplaceKommunenummer = this.workplaceOnCreate(principal, input.workplaceKommunenummer);
    assertSpecialistFields(input.specialistInGeneralPractice, input.specialistApprovedOn);
    assertExemptionPeriod(input.exemptionFrom, input.exemptionUntil);
    await assertMunicipalityExists(this.db, 'workplaceKommunenummer', workplaceKommunenummer);
    return context.transact(async (tx) => {
      // Someone who completed a veilederkurs before being registered gets its date now (when later than what is given).
      const fromCourses = await coursesRepo.completedOnFor(tx, input.hprNumber, input.email ?? null);
      const given = input.courseCompletedOn ?? null;
      const courseCompletedOn = fromCourses !== null && (given === null || fromCourses > given) ? fromCourses : given;
      const row = await supervisorsRepo.insert(tx, {
        hprNumber: input.hprNumber,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        workplaceKommunenummer,
        specialistInGeneralPractice: input.specialistInGeneralPractice,
        specialistApprovedOn: input.specialistApprovedOn ?? null,
        exemptionFrom: input.exemptionFrom ?? null,
        exemptionUntil: input.exemptionUntil ?? null,
        courseCompletedOn,
        capacity: input.capacity ?? this.deps.config.VEILEDER_DEFAULT_CAPACITY,
        // Lets the office that registered the supervisor see it wherever it works.
        createdByOfficeCode: principal.role === 'office' ? principal.officeCode : null,
      });
      if (!row) throw await this.alreadyRegistered(tx, municipalityScope(principal), input.hprNumber, today);
      await coursesRepo.linkToSupervisor(tx, row.id, row.hprNumber, row.email);
      await recordAudit(tx, context, { action: 'supervisor.created', entityType: 'supervisor', entityId: row.id, after: auditView(row) });
      await emitSupervisor(tx, 'supervisor.created', { ...row, currentLoad: 0 }, today);
      return withVersion(toSupervisorDetail({ ...row, currentLoad: 0 }, [], today));
    });
  }

  async update(
    context: RequestContext,
    id: string,
    input: SupervisorUpdate,
    expected: number | undefined,
  ): Promise<Versioned<SupervisorDetail>> {
    const today = todayInNorway();
    const scope = municipalityScope(context.principal);
    return context.transact(async (tx) => {
      const current = await supervisorsRepo.get(tx, id, scope, today, { forUpdate: true });
      if (!current) throw notFoundSupervisor();
      assertVersion(expected, current.version, 'The supervisor');
      const changes: SupervisorChanges = input;
      const next = { ...current, ...changes };
      assertSpecialistFields(next.specialistInGeneralPractice, next.specialistApprovedOn);
      assertExemptionPeriod(next.exemptionFrom, next.exemptionUntil);
      if (next.workplaceKommunenummer !== current.workplaceKommunenummer) {
        await assertMunicipalityExists(tx, 'workplaceKommunenummer', next.workplaceKommunenummer);
      }
      const changed = diff(auditView(current), auditView(next));
      if (!changed) return withVersion(toSupervisorDetail(current, await supervisorsRepo.supervisionsOf(tx, id, scope), today));

      if (!(await supervisorsRepo.update(tx, id, changes))) {
        throw await this.alreadyRegistered(tx, scope, changes.hprNumber ?? current.hprNumber, today);
      }
      // Only the workplace can move a supervisor out of the caller's scope; refuse a change that
      // would leave the caller unable to see what it just saved (the transaction rolls back).
      const updated = await supervisorsRepo.get(tx, id, scope, today);
      if (!updated) {
        throw invalidField({
          path: 'workplaceKommunenummer',
          code: 'not_allowed',
          message: 'the supervisor would no longer be in your scope; ask the ALIS office to make this change',
          params: { reason: 'leaves_scope' },
        });
      }
      await recordAudit(tx, context, {
        action: 'supervisor.updated',
        entityType: 'supervisor',
        entityId: id,
        before: changed.before,
        after: changed.after,
      });
      await emitSupervisor(tx, 'supervisor.updated', updated, today);
      return withVersion(toSupervisorDetail(updated, await supervisorsRepo.supervisionsOf(tx, id, scope), today));
    });
  }

  /**
   * A municipality's client registers supervisors working in its own municipality (the default
   * when it sends none): a supervisor elsewhere would be outside its scope the moment it was made.
   */
  private workplaceOnCreate(principal: Principal, requested: string | null | undefined): string | null {
    if (principal.role !== 'municipality') return requested ?? null;
    if (requested === undefined) return principal.kommunenummer;
    if (requested !== principal.kommunenummer) {
      throw invalidField({
        path: 'workplaceKommunenummer',
        code: 'not_allowed',
        message: `a municipality's client registers supervisors working in its own municipality (${principal.kommunenummer ?? ''}); ask the ALIS office to register one working elsewhere`,
        params: { reason: 'own_municipality_only' },
      });
    }
    return requested;
  }

  /** 409 naming the holder of the HPR number; the name only when the caller may see it (as for doctors). */
  private async alreadyRegistered(tx: Executor, scope: MunicipalityScope, hprNumber: string, today: string): Promise<AppError> {
    const existing = await supervisorsRepo.findByHprNumber(tx, hprNumber);
    if (!existing) return new AppError('conflict', `HPR number ${hprNumber} was registered by someone else at the same moment; try again.`, { reason: 'created_concurrently' });
    const visible = await supervisorsRepo.get(tx, existing.id, scope, today);
    const detail = visible
      ? `HPR number ${hprNumber} is already registered as ${existing.name}.`
      : `HPR number ${hprNumber} is already registered (supervisor ${existing.id}).`;
    return new AppError('already_exists', detail, { existingId: existing.id });
  }
}
