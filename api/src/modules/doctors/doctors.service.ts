import { type Doctor, type FieldError, type Page, type PersonReference, type createDoctorRequest, fieldIssue, type listDoctorsQuery, type updateDoctorRequest } from '@alis/shared';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { AppError, invalid, notFound } from '../../lib/app-error.js';
import { diff, recordAudit } from '../../lib/audit.js';
import { pick } from '../../lib/collections.js';
import { assertVersion } from '../../lib/etag.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { type Versioned, withVersion } from '../../lib/versioned.js';
import { personFilter, personPage, personPageKey } from '../../lib/person-list.js';
import { Service } from '../../lib/service.js';
import { type MunicipalityScope, municipalityScope } from '../../lib/scope.js';
import { emitEvent } from '../events/events.service.js';
import { type DoctorChanges, type DoctorRow, doctorPosition, doctorSortsFor, doctorsRepo } from './doctors.repo.js';

export type DoctorCreate = z.output<typeof createDoctorRequest>;
export type DoctorUpdate = z.output<typeof updateDoctorRequest>;
export type DoctorListQuery = z.output<typeof listDoctorsQuery>;

/** The doctor's own facts: what the API shows and the audit log keeps. */
const FACTS = ['hprNumber', 'name', 'email', 'phone', 'lis1CompletedOn', 'scheme', 'specialistApprovedOn'] as const;

export function toDoctor(row: DoctorRow): Doctor {
  return { id: row.id, ...pick(row, FACTS), version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** What the audit log keeps of a doctor: its facts and who registered it. */
export const doctorAuditView = (row: DoctorRow) => pick(row, [...FACTS, 'createdByOfficeCode', 'createdByKommunenummer']);
const auditView = doctorAuditView;

const notFoundDoctor = () => notFound('The doctor');

/** LIS1 comes before the specialist approval: a LIS1 date after it cannot be right (the problem, or null). */
export function trainingOrderIssue(lis1CompletedOn: string | null, specialistApprovedOn: string | null): FieldError | null {
  if (lis1CompletedOn === null || specialistApprovedOn === null || lis1CompletedOn <= specialistApprovedOn) return null;
  return fieldIssue({
    path: 'lis1CompletedOn',
    code: 'too_late',
    message: `must not be after the specialist approval (${specialistApprovedOn})`,
    params: { latest: specialistApprovedOn, reference: 'specialistApprovedOn' },
  });
}

function assertTrainingOrder(lis1CompletedOn: string | null, specialistApprovedOn: string | null) {
  const issue = trainingOrderIssue(lis1CompletedOn, specialistApprovedOn);
  if (issue) throw invalid([issue]);
}

/**
 * A new doctor's row, as the create endpoint and the import make it. It keeps who registered it (the
 * office or municipality of the caller that did), which lets them see it before any agreement exists.
 */
export const newDoctorRow = (input: DoctorCreate, principal: Principal) => ({
  hprNumber: input.hprNumber,
  name: input.name,
  email: input.email ?? null,
  phone: input.phone ?? null,
  lis1CompletedOn: input.lis1CompletedOn ?? null,
  scheme: input.scheme,
  specialistApprovedOn: input.specialistApprovedOn ?? null,
  createdByOfficeCode: principal.role === 'office' ? principal.officeCode : null,
  createdByKommunenummer: principal.role === 'municipality' ? principal.kommunenummer : null,
});

/** A doctor's change in the feed, for every municipality the doctor concerns; gives the view. */
async function emitDoctor(tx: Executor, type: 'doctor.created' | 'doctor.updated', row: DoctorRow): Promise<Doctor> {
  const view = toDoctor(row);
  await emitEvent(tx, { type, subject: { type: 'doctor', id: row.id }, kommunenumre: await doctorsRepo.municipalitiesOf(tx, row), data: view });
  return view;
}

export class DoctorsService extends Service {
  /** Kept like the other lists' pages, except look-ups by HPR number (`personPageKey`). */
  readonly pageKey = personPageKey;

  /**
   * The caller's doctors. An exact `hprNumber` looks the number up across every scope (so nobody
   * registers a doctor twice), rate-limited per caller; the other filters still apply to it. A doctor
   * found that way outside the scope is shown as a reference: the id and number, nothing else.
   */
  async list(principal: Principal, query: DoctorListQuery): Promise<Page<Doctor | PersonReference>> {
    const scope = municipalityScope(principal);
    if (query.hprNumber) await this.limitLookups(principal);
    const filter = personFilter(query);
    return personPage(scope, query, {
      sorts: doctorSortsFor,
      position: doctorPosition,
      rows: (listScope, page) => doctorsRepo.list(this.db, listScope, filter, page),
      total: (listScope) => doctorsRepo.total(this.db, listScope, filter),
      inScope: (id) => doctorsRepo.get(this.db, id, scope),
      show: toDoctor,
    });
  }

  async get(principal: Principal, id: string): Promise<Versioned<Doctor>> {
    const row = await doctorsRepo.get(this.db, id, municipalityScope(principal));
    if (!row) throw notFoundDoctor();
    return withVersion(toDoctor(row));
  }

  async create(context: RequestContext, input: DoctorCreate): Promise<Versioned<Doctor>> {
    const { principal } = context;
    return context.transact(async (tx) => {
      assertTrainingOrder(input.lis1CompletedOn ?? null, input.specialistApprovedOn ?? null);
      const row = await doctorsRepo.insert(tx, newDoctorRow(input, principal));
      if (!row) throw await this.alreadyRegistered(tx, municipalityScope(principal), input.hprNumber);
      await recordAudit(tx, context, { action: 'doctor.created', entityType: 'doctor', entityId: row.id, after: auditView(row) });
      return withVersion(await emitDoctor(tx, 'doctor.created', row));
    });
  }

  async update(context: RequestContext, id: string, input: DoctorUpdate, expected: number | undefined): Promise<Versioned<Doctor>> {
    const scope = municipalityScope(context.principal);
    return context.transact(async (tx) => {
      const current = await doctorsRepo.get(tx, id, scope, { forUpdate: true });
      if (!current) throw notFoundDoctor();
      assertVersion(expected, current.version, 'The doctor');
      const changes: DoctorChanges = input;
      const next = { ...current, ...changes };
      assertTrainingOrder(next.lis1CompletedOn, next.specialistApprovedOn);
      const changed = diff(auditView(current), auditView(next));
      if (!changed) return withVersion(toDoctor(current));
      const row = await doctorsRepo.update(tx, id, changes);
      if (!row) throw await this.alreadyRegistered(tx, scope, changes.hprNumber ?? current.hprNumber);
      await recordAudit(tx, context, {
        action: 'doctor.updated',
        entityType: 'doctor',
        entityId: id,
        before: changed.before,
        after: changed.after,
      });
      return withVersion(await emitDoctor(tx, 'doctor.updated', row));
    });
  }

  /**
   * 409 naming the doctor that holds the HPR number. `existingId` is always given: it is what the
   * caller needs to use that doctor instead of registering a duplicate, and the exact-HPR lookup
   * finds it anyway. The name goes into the detail only when the caller may see that doctor, so
   * an error message (which ends up in logs and error dialogs) shows no one outside the scope.
   */
  private async alreadyRegistered(tx: Executor, scope: MunicipalityScope, hprNumber: string): Promise<AppError> {
    const existing = await doctorsRepo.findByHprNumber(tx, hprNumber);
    if (!existing) return new AppError('conflict', `HPR number ${hprNumber} was registered by someone else at the same moment; try again.`, { reason: 'created_concurrently' });
    const visible = await doctorsRepo.get(tx, existing.id, scope);
    const detail = visible
      ? `HPR number ${hprNumber} is already registered as ${existing.name}.`
      : `HPR number ${hprNumber} is already registered (doctor ${existing.id}).`;
    return new AppError('already_exists', detail, { existingId: existing.id });
  }
}
