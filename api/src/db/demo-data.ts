import { randomUUID } from 'node:crypto';
import { todayInNorway } from '@alis/shared';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Executor } from './client.js';
import { type DemoData, DEFAULT_DEMO_SEED, generateDemoData } from './demo-generate.js';
import { refreshRegistrationPeriods } from '../modules/registrations/registration-periods.js';
import { writeDemoGrants } from './demo-grants-write.js';
import { demoEducationPlan, writeDemoCourses, writeDemoFollowUps } from './demo-office.js';
import { demoNote, organisationNumberPrefix, uniqueOrganisationNumber } from './demo-municipalities.js';
import {
  absences,
  agreementShares,
  agreements,
  auditLog,
  doctors,
  municipalities,
  registrationTransitions,
  registrations,
  supervisions,
  supervisors,
} from './schema.js';

export { generateDemoData } from './demo-generate.js';
export type { DemoData } from './demo-generate.js';

/** Taken inside the seeding transaction: two runs at once on PostgreSQL take turns. */
const DEMO_LOCK_ID = 4_219_003;
const CHUNK = 500;
/** The specialty the demo registrations are for (general practice). */
const SPECIALTY = 'ALM';

/** What a run added; `kept` counts generated rows left alone because their key was already taken. */
export interface DemoSummary {
  /** Municipalities whose empty population, centrality class or organisation number was filled. */
  municipalities: number;
  registrations: number;
  doctors: number;
  supervisors: number;
  agreements: number;
  absences: number;
  supervisions: number;
  /** Grant schemes and applications added (demo-grants-write.ts); applications left out are `grantApplicationsKept`. */
  grantSchemes: number;
  grantApplications: number;
  grantApplicationsKept: number;
  /** The offices' work (demo-office.ts): courses and follow-ups added. */
  courses: number;
  followUps: number;
  kept: {
    /** A registration for the municipality existed (an earlier run, or an office's own). */
    registrations: number;
    /** A doctor with the HPR number existed; its agreements were not added either. */
    doctors: number;
    /** A supervisor with the HPR number existed. Demo supervision goes only to demo supervisors. */
    supervisors: number;
  };
}

export interface DemoOptions {
  /** 1 gives about 600 doctors and agreements; N gives N times that (at most 100). */
  scale?: number;
  seed?: number;
  /** Today in Norway unless given (tests fix it). */
  today?: string;
}

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Fills empty master data of every municipality: population, centrality class and organisation
 * number, each only where it is null, with a "Demodata: …" note where the notes are empty.
 * Organisation numbers stay unique across all municipalities, including those entered by offices.
 */
async function fillMunicipalities(tx: Executor, data: DemoData, seed: number): Promise<number> {
  const current = await tx
    .select({
      kommunenummer: municipalities.kommunenummer,
      population: municipalities.population,
      centralityClass: municipalities.centralityClass,
      organisationNumber: municipalities.organisationNumber,
      notes: municipalities.notes,
    })
    .from(municipalities)
    .orderBy(asc(municipalities.kommunenummer));
  const facts = new Map(data.municipalities.map((m) => [m.kommunenummer, m]));
  const taken = new Set(current.flatMap((m) => (m.organisationNumber === null ? [] : [m.organisationNumber])));
  let filled = 0;
  for (const place of current) {
    const fact = facts.get(place.kommunenummer);
    if (!fact) continue;
    const changes: { population?: number; centralityClass?: number; organisationNumber?: string } = {};
    if (place.population === null) changes.population = fact.population;
    if (place.centralityClass === null) changes.centralityClass = fact.centralityClass;
    if (place.organisationNumber === null) {
      changes.organisationNumber = uniqueOrganisationNumber(organisationNumberPrefix(seed, place.kommunenummer), taken);
      taken.add(changes.organisationNumber);
    }
    const fields = (['population', 'centralityClass', 'organisationNumber'] as const).filter((field) => changes[field] !== undefined);
    if (fields.length === 0) continue;
    const notes = place.notes === null ? demoNote(fields) : undefined;
    await tx
      .update(municipalities)
      .set({ ...changes, ...(notes === undefined ? {} : { notes }), version: sql`${municipalities.version} + 1`, updatedAt: sql`now()` })
      .where(eq(municipalities.kommunenummer, place.kommunenummer));
    await tx.insert(auditLog).values({
      actorType: 'system',
      action: 'municipality.updated',
      entityType: 'municipality',
      entityId: place.kommunenummer,
      before: Object.fromEntries([...fields, ...(notes === undefined ? [] : ['notes'])].map((field) => [field, null])),
      after: { ...changes, ...(notes === undefined ? {} : { notes }), source: 'demo_data' },
    });
    filled += 1;
  }
  return filled;
}

/** The rows among `hprNumbers` that exist in `table` (doctors or supervisors), by HPR number. */
async function existingByHpr(tx: Executor, table: typeof doctors | typeof supervisors, hprNumbers: readonly string[]) {
  const found = new Map<string, { id: string; name: string }>();
  for (const chunk of chunks(hprNumbers, 5000)) {
    const rows = await tx.select({ id: table.id, hprNumber: table.hprNumber, name: table.name }).from(table).where(inArray(table.hprNumber, chunk));
    for (const row of rows) found.set(row.hprNumber, { id: row.id, name: row.name });
  }
  return found;
}

/**
 * Writes the demo registry (see demo-generate.ts) into the database, merged with what is there:
 *
 * - nothing users entered is changed: a municipality's master data is filled only where empty; a
 *   municipality that has a registration keeps it; a doctor whose HPR number exists is left alone,
 *   and so are the agreements the demo would have given it; demo supervision goes only to demo
 *   supervisors (same HPR number and name as generated), never to someone an office registered;
 * - running it again changes nothing (every row is keyed: municipality, registration per
 *   municipality and specialty, doctors and supervisors by HPR number), so it returns null; a larger
 *   scale adds the doctors and supervisors the smaller one did not have.
 *
 * One transaction: a failed run leaves nothing behind.
 */
export async function seedDemoData(db: Db, options: DemoOptions = {}): Promise<DemoSummary | null> {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const today = options.today ?? todayInNorway();

  const summary = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK_ID})`);
    const places = await tx
      .select({ kommunenummer: municipalities.kommunenummer, countyNumber: municipalities.countyNumber })
      .from(municipalities)
      .orderBy(asc(municipalities.kommunenummer));
    const data = generateDemoData({ municipalities: places, scale, seed, today });

    const filled = await fillMunicipalities(tx, data, seed);

    // Registrations: one per municipality and specialty; an existing one is kept as it is.
    const registered = new Set(
      (await tx.select({ kommunenummer: registrations.kommunenummer }).from(registrations).where(eq(registrations.specialty, SPECIALTY))).map((r) => r.kommunenummer),
    );
    const newRegistrations = data.registrations.filter((r) => !registered.has(r.kommunenummer));
    const registrationIds = new Map<string, string>();
    for (const chunk of chunks(newRegistrations)) {
      const inserted = await tx
        .insert(registrations)
        .values(chunk.map(({ transitions: _transitions, ...row }) => ({ ...row, specialty: SPECIALTY })))
        .onConflictDoNothing()
        .returning({ id: registrations.id, kommunenummer: registrations.kommunenummer });
      for (const row of inserted) registrationIds.set(row.kommunenummer, row.id);
    }
    const transitionRows = newRegistrations.flatMap((registration) => {
      const registrationId = registrationIds.get(registration.kommunenummer);
      if (registrationId === undefined) return [];
      return registration.transitions.map((t) => ({
        registrationId,
        fromStatus: t.from,
        toStatus: t.to,
        date: t.date,
        actorType: 'system' as const,
        note: 'Demodata',
      }));
    });
    for (const chunk of chunks(transitionRows)) await tx.insert(registrationTransitions).values(chunk);
    await refreshRegistrationPeriods(tx, [...registrationIds.values()]);

    // Supervisors by HPR number: existing ones are kept; only demo supervisors (same number and
    // name as generated, from an earlier run) get demo supervision.
    const existingSupervisors = await existingByHpr(tx, supervisors, data.supervisors.map((s) => s.hprNumber));
    const supervisorIds = new Map<string, string>();
    for (const supervisor of data.supervisors) {
      const existing = existingSupervisors.get(supervisor.hprNumber);
      if (existing && existing.name === supervisor.name) supervisorIds.set(supervisor.hprNumber, existing.id);
    }
    let supervisorsAdded = 0;
    for (const chunk of chunks(data.supervisors.filter((s) => !existingSupervisors.has(s.hprNumber)))) {
      const inserted = await tx
        .insert(supervisors)
        .values(chunk.map((s) => ({ ...s, id: randomUUID() })))
        .onConflictDoNothing({ target: supervisors.hprNumber })
        .returning({ id: supervisors.id, hprNumber: supervisors.hprNumber });
      for (const row of inserted) supervisorIds.set(row.hprNumber, row.id);
      supervisorsAdded += inserted.length;
    }

    // Doctors by HPR number: an existing one is left alone with everything it has.
    const existingDoctors = await existingByHpr(tx, doctors, data.doctors.map((d) => d.hprNumber));
    const newDoctors = data.doctors.filter((d) => !existingDoctors.has(d.hprNumber));
    const doctorIds = new Map<string, string>();
    for (const chunk of chunks(newDoctors)) {
      const inserted = await tx
        .insert(doctors)
        .values(chunk.map(({ agreements: _agreements, ...d }) => ({ ...d, id: randomUUID() })))
        .onConflictDoNothing({ target: doctors.hprNumber })
        .returning({ id: doctors.id, hprNumber: doctors.hprNumber });
      for (const row of inserted) doctorIds.set(row.hprNumber, row.id);
    }

    const agreementRows: (typeof agreements.$inferInsert)[] = [];
    const shareRows: (typeof agreementShares.$inferInsert)[] = [];
    const absenceRows: (typeof absences.$inferInsert)[] = [];
    const supervisionRows: (typeof supervisions.$inferInsert)[] = [];
    for (const doctor of newDoctors) {
      const doctorId = doctorIds.get(doctor.hprNumber);
      if (doctorId === undefined) continue;
      for (const [index, { absences: absenceList, supervisions: supervisionList, shares, ...agreement }] of doctor.agreements.entries()) {
        const agreementId = randomUUID();
        agreementRows.push({ ...agreement, ...demoEducationPlan(seed, doctor.hprNumber, index, agreement, today), id: agreementId, doctorId });
        for (const share of shares) shareRows.push({ agreementId, fromDate: share.from, percent: share.percent });
        for (const absence of absenceList) absenceRows.push({ ...absence, agreementId });
        for (const { supervisorHprNumber, ...supervision } of supervisionList) {
          const supervisorId = supervisorIds.get(supervisorHprNumber);
          if (supervisorId !== undefined) supervisionRows.push({ ...supervision, agreementId, supervisorId });
        }
      }
    }
    for (const chunk of chunks(agreementRows)) await tx.insert(agreements).values(chunk);
    for (const chunk of chunks(shareRows)) await tx.insert(agreementShares).values(chunk);
    for (const chunk of chunks(absenceRows)) await tx.insert(absences).values(chunk);
    for (const chunk of chunks(supervisionRows)) await tx.insert(supervisions).values(chunk);
    const grants = await writeDemoGrants(tx, data);
    const coursesAdded = await writeDemoCourses(tx, data, seed, today, supervisorIds);
    const followUpsAdded = await writeDemoFollowUps(tx, seed, today);

    const summary: DemoSummary = {
      municipalities: filled,
      registrations: registrationIds.size,
      doctors: doctorIds.size,
      supervisors: supervisorsAdded,
      agreements: agreementRows.length,
      absences: absenceRows.length,
      supervisions: supervisionRows.length,
      grantSchemes: grants.schemes,
      grantApplications: grants.applications,
      grantApplicationsKept: grants.kept,
      courses: coursesAdded,
      followUps: followUpsAdded,
      kept: {
        registrations: data.registrations.length - registrationIds.size,
        doctors: data.doctors.length - doctorIds.size,
        supervisors: data.supervisors.length - supervisorsAdded,
      },
    };
    const changed = filled + summary.registrations + summary.doctors + summary.supervisors + grants.schemes + grants.applications + coursesAdded + followUpsAdded > 0;
    if (!changed) return null;
    await tx.insert(auditLog).values({
      actorType: 'system',
      action: 'demo_data.seeded',
      entityType: 'registry',
      entityId: 'demo',
      after: { scale, seed, today, ...summary },
    });
    return summary;
  });
  // Once committed (VACUUM runs outside any transaction), what autovacuum would give tables that
  // have just grown many times over, before it gets round to them: the planner's statistics
  // (without them it plans as if the tables were empty) and the visibility map (without it a count
  // reads every row's page as well as the index: an office's 1 600 agreements at scale 10 took
  // PostgreSQL 3.3 ms to count instead of 0.5).
  if (summary) {
    await db.execute(
      sql`vacuum (analyze) municipalities, registrations, registration_periods, doctors, doctor_offices, supervisors, supervisor_offices, agreements, agreement_shares, absences, supervisions, courses, course_participants, follow_ups, grant_applications, grant_application_lines`,
    );
  }
  return summary;
}
