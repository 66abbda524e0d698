import { type RegistrationChange, type RegistrationStatus, registrationStatuses, statusPeriods } from '@alis/shared';
import { and, asc, eq, exists, inArray, ne, notExists, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { registrationPeriods, registrationTransitions, registrations } from '../../db/schema.js';

const asStatus = (value: string): RegistrationStatus | null => registrationStatuses.find((status) => status === value) ?? null;

/**
 * Rewrites the status periods of these registrations from their changes (the shared rule
 * `statusPeriods`), in `db`'s transaction: every write of a registration's status calls this, so the
 * periods never lag behind the history.
 */
export async function refreshRegistrationPeriods(db: Executor, registrationIds: readonly string[]): Promise<void> {
  if (registrationIds.length === 0) return;
  const ids = [...registrationIds];
  const rows = await db
    .select({
      id: registrations.id,
      kommunenummer: registrations.kommunenummer,
      specialty: registrations.specialty,
      status: registrations.status,
      registeredFrom: registrations.registeredFrom,
      applicationDate: registrations.applicationDate,
      toStatus: registrationTransitions.toStatus,
      date: registrationTransitions.date,
    })
    .from(registrations)
    .leftJoin(registrationTransitions, eq(registrationTransitions.registrationId, registrations.id))
    .where(inArray(registrations.id, ids))
    .orderBy(asc(registrations.id), asc(registrationTransitions.id));
  const byRegistration = new Map<string, { row: (typeof rows)[number]; changes: RegistrationChange[] }>();
  for (const row of rows) {
    const entry = byRegistration.get(row.id) ?? { row, changes: [] };
    const to = row.toStatus === null ? null : asStatus(row.toStatus);
    if (to !== null && row.date !== null) entry.changes.push({ to, date: row.date });
    byRegistration.set(row.id, entry);
  }
  await db.delete(registrationPeriods).where(inArray(registrationPeriods.registrationId, ids));
  const periods = [...byRegistration.values()].flatMap(({ row, changes }) => {
    const status = asStatus(row.status);
    const snapshot = status ? { status, registeredFrom: row.registeredFrom, applicationDate: row.applicationDate } : null;
    return statusPeriods(changes, snapshot).map((period) => ({
      registrationId: row.id,
      kommunenummer: row.kommunenummer,
      specialty: row.specialty,
      status: period.status,
      fromDate: period.from,
      toDate: period.to,
    }));
  });
  if (periods.length > 0) await db.insert(registrationPeriods).values(periods);
}

/**
 * Derives the periods of registrations that have a status or a history but no periods yet: those
 * written before the periods were kept, or straight to the tables (an import). Run after migrating.
 */
export async function refreshMissingRegistrationPeriods(db: Executor): Promise<number> {
  const missing = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        notExists(db.select({ one: sql`1` }).from(registrationPeriods).where(eq(registrationPeriods.registrationId, registrations.id))),
        or(
          ne(registrations.status, 'not_registered'),
          exists(db.select({ one: sql`1` }).from(registrationTransitions).where(eq(registrationTransitions.registrationId, registrations.id))),
        ),
      ),
    );
  await refreshRegistrationPeriods(
    db,
    missing.map((row) => row.id),
  );
  return missing.length;
}
