import { randomUUID } from 'node:crypto';
import { type EducationPlanStatus, addDays, addMonths } from '@alis/shared';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from './client.js';
import type { DemoAgreement, DemoData } from './demo-generate.js';
import { random } from './demo-random.js';
import { courseParticipants, courses, followUps, municipalities, supervisors } from './schema.js';

/**
 * The offices' own work in the demo (issue 14): each agreement's education plan, each office's
 * courses of this year and the last with their participants and attendance, and follow-ups of the
 * municipalities. Every value comes from a generator of its own (`random(seed, 'plan', hpr, n)` …), so
 * the rest of the demo data is drawn as before.
 */

export interface DemoEducationPlan {
  educationPlanStatus: EducationPlanStatus;
  educationPlanApprovedOn: string | null;
  educationPlanReviewedOn: string | null;
  educationPlanLink: string | null;
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * An agreement's education plan: most running ones approved some weeks after the start (some
 * late, some not yet), reviewed yearly as a rule; closed ones had theirs; drafts have none yet.
 */
export function demoEducationPlan(seed: number, hprNumber: string, index: number, agreement: Pick<DemoAgreement, 'status' | 'startDate' | 'endDate'>, today: string): DemoEducationPlan {
  const none: DemoEducationPlan = { educationPlanStatus: 'missing', educationPlanApprovedOn: null, educationPlanReviewedOn: null, educationPlanLink: null };
  if (agreement.status === 'draft') return none;
  const rng = random(seed, 'plan', hprNumber, index);
  const lastDay = minDate(agreement.endDate ?? today, today);
  const roll = rng.next();
  if (agreement.status === 'active' && roll < 0.12) return none;
  const link = `Sak ${agreement.startDate.slice(0, 4)}/${rng.int(100, 9999)}`;
  if (agreement.status === 'active' && roll < 0.22) return { ...none, educationPlanStatus: 'draft', educationPlanLink: link };
  const approvedOn = minDate(addDays(agreement.startDate, rng.int(14, 120)), lastDay);
  if (approvedOn < agreement.startDate) return { ...none, educationPlanStatus: 'draft', educationPlanLink: link };
  // Reviewed within the last year as a rule; some are overdue.
  let reviewedOn: string | null = null;
  if (addMonths(approvedOn, 12) <= lastDay && rng.chance(0.75)) {
    const latest = lastDay;
    const earliest = addMonths(lastDay, -11) > approvedOn ? addMonths(lastDay, -11) : approvedOn;
    reviewedOn = addDays(earliest, Math.floor(rng.next() * Math.max(0, (Date.parse(latest) - Date.parse(earliest)) / 86_400_000)));
  }
  return { educationPlanStatus: 'approved', educationPlanApprovedOn: approvedOn, educationPlanReviewedOn: reviewedOn, educationPlanLink: link };
}

const PLACES: Record<string, string> = {
  nord: 'Bodø',
  midt: 'Trondheim',
  vest: 'Bergen',
  sor: 'Kristiansand',
  ost: 'Hamar',
  oslo: 'Oslo',
};

const SUMMARIES = [
  'Gjennomgang av søknad om registrering som utdanningsvirksomhet.',
  'Status for ALIS-avtalene og veiledning i kommunen.',
  'Rekruttering av fastleger og mulighet for ALIS-stilling.',
  'Veiledere i kommunen og behov for veilederkurs.',
  'Individuelle utdanningsplaner: hva som mangler og hvem som følger opp.',
  'Søknad om tilskudd for neste periode.',
];
const ACTIONS = [
  'Kommunen sender utkast til generell utdanningsplan.',
  'ALIS-kontoret sender mal for individuell utdanningsplan.',
  'Kommunen melder på veiledere til neste veilederkurs.',
  'Ny samtale etter at søknaden er sendt.',
];
const PEOPLE = ['Kommuneoverlege', 'Kommuneoverlege og enhetsleder', 'Rådgiver og fastlege', 'Enhetsleder helse'];
const KINDS = ['meeting', 'phone', 'email', 'visit', 'other'] as const;

interface DemoCourse {
  title: string;
  kind: 'veilederkurs' | 'other';
  days: string[];
  capacity: number;
}

/** Each office's courses: a veilederkurs in spring and autumn and a gathering for group leaders, last year and this. */
function coursesOf(officeCode: string, today: string): DemoCourse[] {
  const year = Number(today.slice(0, 4));
  const place = PLACES[officeCode] ?? officeCode;
  return [year - 1, year].flatMap((y) => [
    { title: `Veilederkurs vår ${y}, ${place}`, kind: 'veilederkurs' as const, days: [`${y}-04-14`, `${y}-04-15`], capacity: 16 },
    { title: `Samling for veiledningsgruppeledere ${y}, ${place}`, kind: 'other' as const, days: [`${y}-09-04`], capacity: 20 },
    { title: `Veilederkurs høst ${y}, ${place}`, kind: 'veilederkurs' as const, days: [`${y}-10-13`, `${y}-10-14`], capacity: 16 },
  ]);
}

/** A course's status on `today`: held once over, open until its deadline, closed between the deadline and the course. */
function statusOn(days: readonly string[], deadline: string, today: string) {
  const last = days.at(-1) ?? today;
  if (last < today) return 'held' as const;
  return today <= deadline ? ('open' as const) : ('closed' as const);
}

/**
 * Writes the courses (keyed by office and title: an existing one is left alone), their participants
 * (demo supervisors of the office's municipalities and a few people not yet registered) and, for
 * held ones, attendance; a demo supervisor who completed a veilederkurs gets its date when theirs is
 * empty or earlier, as the API gives it. Returns how many courses were added.
 */
export async function writeDemoCourses(tx: Executor, data: DemoData, seed: number, today: string, supervisorIds: ReadonlyMap<string, string>): Promise<number> {
  const offices = await tx.selectDistinct({ officeCode: municipalities.officeCode }).from(municipalities).orderBy(asc(municipalities.officeCode));
  const officeOf = new Map(
    (await tx.select({ kommunenummer: municipalities.kommunenummer, officeCode: municipalities.officeCode }).from(municipalities)).map((m) => [m.kommunenummer, m.officeCode]),
  );
  const existing = new Set((await tx.select({ officeCode: courses.officeCode, title: courses.title }).from(courses)).map((c) => `${c.officeCode}|${c.title}`));
  let added = 0;
  const completions = new Map<string, string>();
  for (const { officeCode } of offices) {
    const pool = data.supervisors.filter((s) => officeOf.get(s.workplaceKommunenummer) === officeCode && supervisorIds.has(s.hprNumber));
    for (const [index, plan] of coursesOf(officeCode, today).entries()) {
      if (existing.has(`${officeCode}|${plan.title}`)) continue;
      const rng = random(seed, 'course', officeCode, index);
      const registrationDeadline = addDays(plan.days[0] ?? today, -21);
      const status = statusOn(plan.days, registrationDeadline, today);
      const courseId = randomUUID();
      await tx.insert(courses).values({
        id: courseId,
        officeCode,
        title: plan.title,
        kind: plan.kind,
        days: plan.days,
        firstDay: plan.days[0] ?? today,
        lastDay: plan.days.at(-1) ?? today,
        place: PLACES[officeCode] ?? null,
        online: false,
        capacity: plan.capacity,
        registrationDeadline,
        description: 'Demodata',
        status,
      });
      added += 1;
      // Sign-ups in order: demo supervisors (some on the waiting list when the course is popular) and people not yet registered.
      const wanted = status === 'open' ? rng.int(3, plan.capacity - 4) : rng.int(plan.capacity - 4, plan.capacity + 3);
      const order = new Map(pool.map((s) => [s.hprNumber, random(seed, 'pick', officeCode, index, s.hprNumber).next()]));
      const chosen = [...pool].sort((a, b) => (order.get(a.hprNumber) ?? 0) - (order.get(b.hprNumber) ?? 0));
      const signUps = chosen.slice(0, Math.min(wanted, chosen.length));
      const rows: (typeof courseParticipants.$inferInsert)[] = signUps.map((s) => ({
        courseId,
        supervisorId: supervisorIds.get(s.hprNumber) ?? null,
        name: s.name,
        email: s.email,
        hprNumber: s.hprNumber,
        kommunenummer: s.workplaceKommunenummer,
        attended: [],
      }));
      const guests = rng.int(0, 2);
      for (let n = 0; n < guests; n += 1) {
        const kommunenummer = rng.pick([...officeOf].filter(([, office]) => office === officeCode).map(([k]) => k));
        rows.push({ courseId, name: `Ny veileder ${n + 1} (${kommunenummer})`, email: `demo.kurs.${courseId.slice(0, 8)}.${n}@example.no`, kommunenummer, attended: [] });
      }
      rows.forEach((row, rank) => {
        if (status !== 'held' || rank >= plan.capacity) return;
        row.attended = rng.chance(0.9) ? [...plan.days] : plan.days.slice(0, 1);
        const supervisorId = row.supervisorId;
        const completedOn = plan.days.at(-1);
        if (plan.kind === 'veilederkurs' && supervisorId && completedOn && row.attended.length === plan.days.length) {
          const before = completions.get(supervisorId);
          if (!before || before < completedOn) completions.set(supervisorId, completedOn);
        }
      });
      // One statement per course: its rows take their `seq` in the order given, the sign-up order.
      if (rows.length > 0) await tx.insert(courseParticipants).values(rows);
    }
  }
  for (const [supervisorId, completedOn] of completions) {
    await tx
      .update(supervisors)
      .set({ courseCompletedOn: completedOn, version: sql`${supervisors.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(supervisors.id, supervisorId), or(isNull(supervisors.courseCompletedOn), lt(supervisors.courseCompletedOn, completedOn))));
  }
  return added;
}

/**
 * Follow-ups of municipalities that have none yet: up to four over the last year and a half (more for
 * recruitment-challenged ones), the latest with a next date ahead, the older ones done. Returns how many.
 */
export async function writeDemoFollowUps(tx: Executor, seed: number, today: string): Promise<number> {
  const places = await tx
    .select({ kommunenummer: municipalities.kommunenummer, challenged: municipalities.recruitmentChallenged })
    .from(municipalities)
    .orderBy(asc(municipalities.kommunenummer));
  const logged = new Set((await tx.selectDistinct({ kommunenummer: followUps.kommunenummer }).from(followUps)).map((f) => f.kommunenummer));
  const rows: (typeof followUps.$inferInsert)[] = [];
  for (const place of places) {
    if (logged.has(place.kommunenummer)) continue;
    const rng = random(seed, 'follow-ups', place.kommunenummer);
    const count = place.challenged ? rng.int(1, 4) : rng.weighted([[0, 35], [1, 30], [2, 20], [3, 15]] as const);
    const dates = Array.from({ length: count }, () => addDays(today, -rng.int(7, 540))).sort();
    dates.forEach((date, index) => {
      const latest = index === dates.length - 1;
      rows.push({
        kommunenummer: place.kommunenummer,
        date,
        kind: rng.pick(KINDS),
        participants: rng.pick(PEOPLE),
        summary: rng.pick(SUMMARIES),
        agreedActions: rng.chance(0.7) ? rng.pick(ACTIONS) : null,
        nextFollowUpOn: latest ? maxDate(date, addDays(today, rng.int(-20, 90))) : addDays(date, rng.int(30, 120)),
        done: !latest,
      });
    });
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(followUps).values(rows.slice(i, i + 500));
  return rows.length;
}
