import { addDays, plannedEndDate, registeredFromDate, todayInNorway } from '@alis/shared';
import { asc, eq } from 'drizzle-orm';
import { at, mustGet } from '../lib/collections.js';
import type { Db, Executor } from './client.js';
import {
  absences,
  agreements,
  auditLog,
  doctors,
  municipalities,
  registrationTransitions,
  registrations,
  supervisions,
  supervisors,
} from './schema.js';

/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same registry. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => at(items, Math.floor(next() * items.length)),
    chance: (p: number) => next() < p,
    weighted: <T>(pairs: readonly (readonly [T, number])[]): T => {
      const total = pairs.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of pairs) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return at(pairs, pairs.length - 1)[0];
    },
  };
}

const FIRST_NAMES = [
  'Ole', 'Kari', 'Anne', 'Per', 'Lars', 'Ingrid', 'Nils', 'Marit', 'Jon', 'Sigrid', 'Hans', 'Liv', 'Erik', 'Solveig',
  'Bjørn', 'Ragnhild', 'Kristian', 'Astrid', 'Magnus', 'Ingeborg', 'Henrik', 'Eva', 'Thomas', 'Silje', 'Martin',
  'Nora', 'Jonas', 'Emma', 'Sindre', 'Ida', 'Aleksander', 'Maja', 'Amir', 'Fatima', 'Sara', 'Mohammed', 'Hanna',
  'Even', 'Tuva', 'Øystein', 'Åse', 'Torbjørn', 'Guro', 'Mathias', 'Vilde', 'Ahmed', 'Zahra', 'Piotr', 'Agnieszka',
  'Elle', 'Niillas', 'Máret', 'Sander', 'Julie', 'Håkon', 'Tiril', 'Eirik', 'Synnøve', 'Jørgen', 'Marte',
];
const LAST_NAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
  'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie',
  'Sara', 'Eira', 'Hætta', 'Somby', 'Ali', 'Khan', 'Nowak', 'Rønning', 'Fjeld', 'Vik', 'Aasen', 'Ødegård', 'Brekke',
];
const ARENAS = ['Legevakt', 'Sykehjem', 'Helsestasjon', 'Fengselshelsetjeneste', 'Kommunal akutt døgnenhet', 'Rus og psykiatri'];
const PARTNERS = ['Interkommunal legevakt', 'Helseforetaket', 'Nabokommunens sykehjem', 'Distriktsmedisinsk senter'];

const DEMO_HPR_BASE = 9_100_000;
const CHUNK = 500;

async function insertChunked<T>(tx: Executor, rows: T[], insert: (tx: Executor, chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(tx, rows.slice(i, i + CHUNK));
}

export interface DemoSummary {
  registrations: number;
  doctors: number;
  supervisors: number;
  agreements: number;
  absences: number;
  supervisions: number;
}

/**
 * Fills the registry with a realistic, deterministic national picture: registrations across the
 * country, about 600 agreements (times `scale`) with doctors, absences and supervision. Returns
 * null and changes nothing when demo data is already there.
 */
export async function seedDemoData(db: Db, options: { scale?: number; seed?: number; today?: string } = {}): Promise<DemoSummary | null> {
  const scale = options.scale ?? 1;
  const rng = random(options.seed ?? 20_241_101);
  const today = options.today ?? todayInNorway();
  const name = () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const emailOf = (fullName: string, i: number) =>
    `${fullName.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/å/g, 'a').replace(/[^a-z]+/g, '.')}.${i}@eksempel.no`;
  const dateBetween = (from: string, to: string) => addDays(from, rng.int(0, Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000))));

  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: doctors.id }).from(doctors).where(eq(doctors.hprNumber, String(DEMO_HPR_BASE + 1)));
    if (existing) return null;

    const places = await tx.select({ kommunenummer: municipalities.kommunenummer }).from(municipalities).orderBy(asc(municipalities.kommunenummer));
    const kommunenumre = places.map((p) => p.kommunenummer);

    // Registrations: most municipalities with ALIS are registered; the rest are on their way.
    const registrationRows: (typeof registrations.$inferInsert)[] = [];
    const transitionRows: { kommunenummer: string; from: string; to: string; date: string }[] = [];
    const registeredSince = new Map<string, string>();
    for (const kommunenummer of kommunenumre) {
      const status = rng.weighted([
        ['registered', 70],
        ['applied', 8],
        ['preparing', 8],
        ['not_registered', 10],
        ['rejected', 2],
        ['deregistered', 2],
      ] as const);
      if (status === 'not_registered') continue;
      const applicationDate = dateBetween('2018-09-01', '2025-06-30');
      const decisionDate = addDays(applicationDate, rng.int(30, 200));
      const hasApplied = status !== 'preparing';
      const arenas = [
        { name: 'Fastlegekontoret', kind: 'own' as const, partner: null, agreementInPlace: false },
        { name: rng.pick(ARENAS), kind: 'external' as const, partner: rng.pick(PARTNERS), agreementInPlace: hasApplied || rng.chance(0.5) },
      ];
      const responsible = name();
      registrationRows.push({
        kommunenummer,
        status,
        responsibleName: responsible,
        responsibleEmail: emailOf(responsible, registrationRows.length),
        educationPlanUrl: hasApplied || rng.chance(0.5) ? `https://www.kommune.no/${kommunenummer}/utdanningsplan-alis` : null,
        supervisionArrangement: hasApplied ? 'Individuell veileder på legekontoret; veiledningsgruppe i regi av ALIS-kontoret.' : null,
        learningArenas: arenas,
        applicationDate: hasApplied ? applicationDate : null,
        decisionDate: ['registered', 'rejected', 'deregistered'].includes(status) ? decisionDate : null,
        registeredFrom: status === 'registered' || status === 'deregistered' ? registeredFromDate(applicationDate) : null,
        decisionReference: ['registered', 'rejected', 'deregistered'].includes(status) ? `${decisionDate.slice(0, 4)}/${rng.int(1000, 9999)}` : null,
      });
      const steps: [string, string, string][] = [['not_registered', 'preparing', addDays(applicationDate, -60)]];
      if (hasApplied) steps.push(['preparing', 'applied', applicationDate]);
      if (status === 'registered' || status === 'deregistered') steps.push(['applied', 'registered', decisionDate]);
      if (status === 'rejected') steps.push(['applied', 'rejected', decisionDate]);
      if (status === 'deregistered') steps.push(['registered', 'deregistered', addDays(decisionDate, rng.int(200, 900))]);
      for (const [from, to, date] of steps) transitionRows.push({ kommunenummer, from, to, date: date > today ? today : date });
      if (status === 'registered' || status === 'applied') registeredSince.set(kommunenummer, registeredFromDate(applicationDate));
    }
    const insertedRegistrations = await tx
      .insert(registrations)
      .values(registrationRows)
      .returning({ id: registrations.id, kommunenummer: registrations.kommunenummer });
    const registrationIds = new Map(insertedRegistrations.map((r) => [r.kommunenummer, r.id]));
    await insertChunked(tx, transitionRows, (t, chunk) =>
      t.insert(registrationTransitions).values(
        chunk.map((row) => ({
          registrationId: mustGet(registrationIds, row.kommunenummer, 'registration'),
          fromStatus: row.from,
          toStatus: row.to,
          date: row.date,
          actorType: 'system' as const,
          note: 'Demodata',
        })),
      ),
    );

    // Agreements cluster where registrations are (as in reality), with some compliance gaps.
    const agreementCount = 600 * scale;
    const supervisorCount = Math.round(380 * scale);
    const supervisorRows = Array.from({ length: supervisorCount }, (_, i) => {
      const fullName = name();
      const specialist = rng.chance(0.88);
      return {
        hprNumber: String(DEMO_HPR_BASE + 500_000 + i + 1),
        name: fullName,
        email: emailOf(fullName, i),
        phone: `+47 9${rng.int(1000000, 9999999)}`,
        workplaceKommunenummer: rng.pick(kommunenumre),
        specialistInGeneralPractice: specialist,
        specialistApprovedOn: specialist ? dateBetween('2000-01-01', '2024-12-31') : null,
        exemptionUntil: specialist ? null : dateBetween('2025-01-01', '2028-12-31'),
        courseCompletedOn: rng.chance(0.7) ? dateBetween('2015-01-01', '2026-06-30') : null,
        capacity: 4,
      };
    });
    const insertedSupervisors: { id: string }[] = [];
    await insertChunked(tx, supervisorRows, async (t, chunk) => {
      insertedSupervisors.push(...(await t.insert(supervisors).values(chunk).returning({ id: supervisors.id })));
    });

    const doctorRows = Array.from({ length: agreementCount }, (_, i) => {
      const fullName = name();
      return {
        hprNumber: String(DEMO_HPR_BASE + i + 1),
        name: fullName,
        email: emailOf(fullName, i),
        phone: `+47 4${rng.int(1000000, 9999999)}`,
        lis1CompletedOn: dateBetween('2016-01-01', '2024-06-30'),
        scheme: rng.chance(0.9) ? ('new' as const) : ('old' as const),
      };
    });
    const insertedDoctors: { id: string }[] = [];
    await insertChunked(tx, doctorRows, async (t, chunk) => {
      insertedDoctors.push(...(await t.insert(doctors).values(chunk).returning({ id: doctors.id })));
    });

    const withRegistration = kommunenumre.filter((k) => registeredSince.has(k));
    const agreementRows: (typeof agreements.$inferInsert)[] = [];
    const absenceRows: { agreement: number; kind: 'leave' | 'institution_service' | 'other'; fromDate: string; toDate: string }[] = [];
    const supervisionRows: { agreement: number; supervisor: number; role: 'veileder' | 'supervisor' | 'group_leader'; fromDate: string; toDate: string | null }[] = [];
    for (let i = 0; i < agreementCount; i += 1) {
      const kommunenummer = rng.chance(0.92) ? rng.pick(withRegistration) : rng.pick(kommunenumre);
      const status = rng.weighted([
        ['active', 72],
        ['draft', 8],
        ['completed', 12],
        ['terminated', 8],
      ] as const);
      const startDate = status === 'draft' ? dateBetween(addDays(today, -30), addDays(today, 120)) : dateBetween('2019-03-01', addDays(today, -30));
      const positionPercent = rng.weighted([
        [100, 70],
        [80, 12],
        [60, 10],
        [50, 8],
      ] as const);
      const agreementAbsences: { fromDate: string; toDate: string; kind: 'leave' | 'institution_service' | 'other' }[] = [];
      if (status !== 'draft' && rng.chance(0.22)) {
        const from = addDays(startDate, rng.int(60, 900));
        agreementAbsences.push({ kind: rng.weighted([['leave', 6], ['institution_service', 3], ['other', 1]] as const), fromDate: from, toDate: addDays(from, rng.int(30, 330)) });
      }
      const planned = plannedEndDate(startDate, positionPercent, agreementAbsences.map((a) => ({ from: a.fromDate, to: a.toDate })));
      const ended = status === 'completed' || status === 'terminated';
      const endDate = status === 'completed' ? (planned < today ? planned : addDays(today, -rng.int(1, 60))) : status === 'terminated' ? dateBetween(addDays(startDate, 90), addDays(today, -1)) : null;
      agreementRows.push({
        kommunenummer,
        doctorId: at(insertedDoctors, i, 'doctor').id,
        employmentForm: rng.chance(0.6) ? 'self_employed' : 'salaried',
        position: rng.weighted([['gp', 75], ['gp_locum', 10], ['introduction', 10], ['other', 5]] as const),
        positionPercent,
        signedOn: status === 'draft' && rng.chance(0.5) ? null : addDays(startDate, -rng.int(7, 60)),
        startDate,
        viaStaffingAgency: rng.chance(0.03),
        status,
        endDate: ended ? endDate : null,
        endReason: status === 'completed' ? 'completed_training' : status === 'terminated' ? rng.weighted([['left_position', 6], ['no_grant', 2], ['other', 2]] as const) : null,
        plannedEndDate: planned,
      });
      for (const absence of agreementAbsences) absenceRows.push({ agreement: i, ...absence });
      if (status !== 'draft' && rng.chance(0.9)) {
        const veilederEnds = ended ? endDate : null;
        supervisionRows.push({ agreement: i, supervisor: rng.int(0, supervisorCount - 1), role: 'veileder', fromDate: startDate, toDate: veilederEnds });
        if (rng.chance(0.4)) supervisionRows.push({ agreement: i, supervisor: rng.int(0, supervisorCount - 1), role: rng.chance(0.5) ? 'supervisor' : 'group_leader', fromDate: startDate, toDate: veilederEnds });
      }
    }
    const insertedAgreements: { id: string }[] = [];
    await insertChunked(tx, agreementRows, async (t, chunk) => {
      insertedAgreements.push(...(await t.insert(agreements).values(chunk).returning({ id: agreements.id })));
    });
    await insertChunked(tx, absenceRows, (t, chunk) =>
      t.insert(absences).values(chunk.map((a) => ({ agreementId: at(insertedAgreements, a.agreement, 'agreement').id, kind: a.kind, fromDate: a.fromDate, toDate: a.toDate }))),
    );
    await insertChunked(tx, supervisionRows, (t, chunk) =>
      t.insert(supervisions).values(
        chunk.map((s) => ({
          agreementId: at(insertedAgreements, s.agreement, 'agreement').id,
          supervisorId: at(insertedSupervisors, s.supervisor, 'supervisor').id,
          role: s.role,
          fromDate: s.fromDate,
          toDate: s.toDate,
        })),
      ),
    );

    const summary: DemoSummary = {
      registrations: registrationRows.length,
      doctors: doctorRows.length,
      supervisors: supervisorRows.length,
      agreements: agreementRows.length,
      absences: absenceRows.length,
      supervisions: supervisionRows.length,
    };
    await tx.insert(auditLog).values({ actorType: 'system', action: 'demo_data.seeded', entityType: 'registry', entityId: 'demo', after: { scale, ...summary } });
    return summary;
  });
}
