/**
 * Rows written straight to the database, for tests whose subject is another module: a doctors test
 * needs agreements to exist, not to go through the agreements API.
 */
import { agreementShares, agreements, doctors, registrationTransitions, registrations, supervisions, supervisors } from '../../src/db/schema.js';
import { refreshRegistrationPeriods } from '../../src/modules/registrations/registration-periods.js';
import type { TestApp } from './build-app.js';
import { first } from './expect.js';

let nextHprNumber = 3_000_000;
/** An HPR number no other doctor or supervisor of this test file has. */
export const freshHprNumber = () => String(nextHprNumber++);

export async function insertDoctor(t: TestApp, options: { name?: string } = {}) {
  const rows = await t.database.db
    .insert(doctors)
    .values({ hprNumber: freshHprNumber(), name: options.name ?? 'Ola ALIS' })
    .returning();
  return first(rows, 'the inserted doctor');
}

export async function insertSupervisor(
  t: TestApp,
  options: { name?: string; specialist?: boolean; exemptionUntil?: string | null; capacity?: number } = {},
) {
  const rows = await t.database.db
    .insert(supervisors)
    .values({
      hprNumber: freshHprNumber(),
      name: options.name ?? 'Vera Veileder',
      specialistInGeneralPractice: options.specialist ?? true,
      exemptionUntil: options.exemptionUntil ?? null,
      capacity: options.capacity ?? 3,
    })
    .returning();
  return first(rows, 'the inserted supervisor');
}

/**
 * A full-time agreement that started 2024-01-01, of the given doctor in the given municipality, with its
 * share from the start as the API writes it (without one, a rule that reads the share history has none).
 */
export async function insertAgreement(
  t: TestApp,
  options: { doctorId: string; kommunenummer: string; status?: 'draft' | 'active'; employmentForm?: 'salaried' | 'self_employed' },
) {
  const rows = await t.database.db
    .insert(agreements)
    .values({
      doctorId: options.doctorId,
      kommunenummer: options.kommunenummer,
      employmentForm: options.employmentForm ?? 'salaried',
      position: 'gp',
      positionPercent: 100,
      startDate: '2024-01-01',
      plannedEndDate: '2029-01-01',
      status: options.status ?? 'active',
    })
    .returning();
  const agreement = first(rows, 'the inserted agreement');
  await t.database.db.insert(agreementShares).values({ agreementId: agreement.id, fromDate: agreement.startDate, percent: agreement.positionPercent });
  return agreement;
}

export async function insertSupervision(
  t: TestApp,
  options: { agreementId: string; supervisorId: string; role?: 'veileder' | 'supervisor' | 'group_leader'; from: string; to?: string | null },
) {
  const rows = await t.database.db
    .insert(supervisions)
    .values({
      agreementId: options.agreementId,
      supervisorId: options.supervisorId,
      role: options.role ?? 'veileder',
      fromDate: options.from,
      toDate: options.to ?? null,
    })
    .returning();
  return first(rows, 'the inserted supervision');
}

/** A § 19 registration, with its transition history (if any) in order. */
export async function insertRegistration(
  t: TestApp,
  kommunenummer: string,
  registration: { status: string; applicationDate?: string; registeredFrom?: string },
  history: { from: string; to: string; date: string }[] = [],
) {
  const rows = await t.database.db
    .insert(registrations)
    .values({ kommunenummer, status: registration.status, applicationDate: registration.applicationDate ?? null, registeredFrom: registration.registeredFrom ?? null })
    .returning();
  const row = first(rows, 'the inserted registration');
  for (const step of history) {
    await t.database.db
      .insert(registrationTransitions)
      .values({ registrationId: row.id, fromStatus: step.from, toStatus: step.to, date: step.date, actorType: 'system' });
  }
  // As an import would: the periods are derived from what was written.
  await refreshRegistrationPeriods(t.database.db, [row.id]);
  return row;
}
