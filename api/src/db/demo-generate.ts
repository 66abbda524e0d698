import { type ShareChange, addDays, daysBetween, plannedEndDate, registeredFromDate } from '@alis/shared';
import { at } from '../lib/collections.js';
import { type DemoGrantApplication, type DemoGrantScheme, generateDemoGrants } from './demo-grants.js';
import { type MunicipalityFacts, municipalityFacts } from './demo-municipalities.js';
import { type Random, random } from './demo-random.js';
import type { AgreementChanges } from '../modules/agreements/agreements.repo.js';
import type { RegistrationChanges } from '../modules/registrations/registrations.repo.js';
import type { SupervisorChanges } from '../modules/supervisors/supervisors.repo.js';
import type { agreements, absences, registrations, supervisions } from './schema.js';

// The pure half of `pnpm seed:demo`: what the demo registry holds, built from the municipality list,
// the scale, the seed and the day, without a database. demo-data.ts writes it, merging with what is
// there. Every rule the database checks (periods in order, one open agreement per doctor and
// municipality, one veileder at a time, unique HPR numbers) and the API's own rules (a veileder is
// qualified on the day the supervision starts, stored planned end dates follow the shared rule, no
// signature or decision in the future) hold by construction; test/demo-data.test.ts checks them.

export const DEFAULT_DEMO_SEED = 20_241_101;
/** Doctors get HPR numbers from 9 100 001 up, supervisors from 9 600 001 up: a range kept for demo data. */
export const DEMO_DOCTOR_HPR_BASE = 9_100_000;
export const DEMO_SUPERVISOR_HPR_BASE = 9_600_000;
export const MAX_DEMO_SCALE = 100;
export const DOCTORS_PER_SCALE = 600;
export const SUPERVISORS_PER_SCALE = 380;
/** The earliest ALIS agreement: registrations count from 1 March 2019 at the earliest. */
const FIRST_START = '2019-03-01';
/** Five years at full time, in days (what plannedEndDate counts at 100 %, give or take a leap day). */
const FULL_TIME_DAYS = 1827;

type RegistrationStatusValue = 'preparing' | 'applied' | 'registered' | 'rejected' | 'deregistered';
type AgreementStatusValue = 'draft' | 'active' | 'completed' | 'terminated';

export interface DemoTransition {
  from: string;
  to: string;
  date: string;
}

/** A registration's facts as an office records them (the repo's changeable columns), with how it got its status. */
export type DemoRegistration = Required<Pick<typeof registrations.$inferInsert, 'kommunenummer'> & Omit<RegistrationChanges, 'status' | 'notes'>> & {
  status: RegistrationStatusValue;
  transitions: DemoTransition[];
};

export type DemoSupervisor = Required<Omit<SupervisorChanges, 'exemptionFrom'>> & { workplaceKommunenummer: string };

export type DemoAbsence = Required<Pick<typeof absences.$inferInsert, 'kind' | 'fromDate' | 'toDate'>>;

export type DemoSupervision = Required<Pick<typeof supervisions.$inferInsert, 'role' | 'fromDate' | 'toDate'>> & {
  supervisorHprNumber: string;
};

export type DemoAgreement = Required<
  Pick<typeof agreements.$inferInsert, 'kommunenummer'> &
    Pick<AgreementChanges, 'employmentForm' | 'position' | 'positionPercent' | 'signedOn' | 'startDate' | 'viaStaffingAgency' | 'endDate' | 'endReason' | 'plannedEndDate'>
> & {
  status: AgreementStatusValue;
  /** The share over time, oldest first; `positionPercent` is the last. */
  shares: ShareChange[];
  absences: DemoAbsence[];
  supervisions: DemoSupervision[];
};

export interface DemoDoctor {
  hprNumber: string;
  name: string;
  email: string;
  phone: string;
  lis1CompletedOn: string;
  scheme: 'new' | 'old';
  /** In the order they ran; an earlier one has ended before the next starts. */
  agreements: DemoAgreement[];
}

export interface DemoData {
  municipalities: MunicipalityFacts[];
  registrations: DemoRegistration[];
  supervisors: DemoSupervisor[];
  doctors: DemoDoctor[];
  /** Schemes of the last two years and this one, and the municipalities' applications in them (demo-grants.ts). */
  grantSchemes: DemoGrantScheme[];
  grantApplications: DemoGrantApplication[];
}

export interface DemoInput {
  /** The municipalities of the registry (the reference data), in kommunenummer order. */
  municipalities: readonly { kommunenummer: string; countyNumber: string }[];
  /** 1 gives about 600 doctors and agreements; N gives N times that (at most 100). */
  scale: number;
  seed?: number;
  /** Today in Norway: drafts start around it, nothing is signed or decided after it. */
  today: string;
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

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** A day from `from` to `to`, both included (`from` when the range is empty). */
const dayBetween = (rng: Random, from: string, to: string) => addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));

const fullName = (rng: Random) => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;

/** `ole.hansen.9100001@eksempel.no`: ASCII, unique by its tag, in a domain reserved for examples. */
export const demoEmail = (name: string, tag: string) =>
  `${name
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '.')}.${tag}@eksempel.no`;

/** Picks an index with probability proportional to its weight, from cumulative weights. */
function weightedIndex(rng: Random, cumulative: readonly number[]): number {
  const total = at(cumulative, cumulative.length - 1);
  const roll = rng.next() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(cumulative, mid) > roll) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulativeOf(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((weight) => (sum += weight));
}

function generateRegistration(seed: number, kommunenummer: string, today: string): DemoRegistration | null {
  const rng = random(seed, 'registration', kommunenummer);
  let status = rng.weighted<RegistrationStatusValue | 'not_registered'>([
    ['registered', 70],
    ['applied', 8],
    ['preparing', 8],
    ['not_registered', 10],
    ['rejected', 2],
    ['deregistered', 2],
  ]);
  if (status === 'not_registered') return null;
  const responsibleName = fullName(rng);
  const hasApplied = status !== 'preparing';
  const applicationDate = dayBetween(rng, '2018-09-01', addDays(today, -150));
  const decisionDate = minDate(addDays(applicationDate, rng.int(30, 200)), today);
  let deregisteredOn = addDays(decisionDate, rng.int(200, 900));
  if (status === 'deregistered' && deregisteredOn > today) {
    status = 'registered';
    deregisteredOn = today;
  }
  const decided = status === 'registered' || status === 'rejected' || status === 'deregistered';
  const preparingFrom = hasApplied ? addDays(applicationDate, -rng.int(30, 120)) : dayBetween(rng, addDays(today, -400), addDays(today, -10));
  const transitions: DemoTransition[] = [{ from: 'not_registered', to: 'preparing', date: preparingFrom }];
  if (hasApplied) transitions.push({ from: 'preparing', to: 'applied', date: applicationDate });
  if (status === 'registered' || status === 'deregistered') transitions.push({ from: 'applied', to: 'registered', date: decisionDate });
  if (status === 'rejected') transitions.push({ from: 'applied', to: 'rejected', date: decisionDate });
  if (status === 'deregistered') transitions.push({ from: 'registered', to: 'deregistered', date: deregisteredOn });
  return {
    kommunenummer,
    status,
    responsibleName,
    responsibleEmail: demoEmail(responsibleName, kommunenummer),
    educationPlanUrl: hasApplied || rng.chance(0.5) ? `https://www.kommune.no/${kommunenummer}/utdanningsplan-alis` : null,
    supervisionArrangement: hasApplied ? 'Individuell veileder på legekontoret; veiledningsgruppe i regi av ALIS-kontoret.' : null,
    learningArenas: [
      { name: 'Fastlegekontoret', kind: 'own', partner: null, agreementInPlace: false },
      { name: rng.pick(ARENAS), kind: 'external', partner: rng.pick(PARTNERS), agreementInPlace: hasApplied || rng.chance(0.5) },
    ],
    applicationDate: hasApplied ? applicationDate : null,
    decisionDate: decided ? decisionDate : null,
    registeredFrom: status === 'registered' || status === 'deregistered' ? registeredFromDate(applicationDate) : null,
    decisionReference: decided ? `${decisionDate.slice(0, 4)}/${rng.int(1000, 9999)}` : null,
    transitions,
  };
}

function generateSupervisor(seed: number, index: number, today: string, workplaces: readonly string[], cumulative: readonly number[]): DemoSupervisor {
  const rng = random(seed, 'supervisor', index);
  const hprNumber = String(DEMO_SUPERVISOR_HPR_BASE + index + 1);
  const name = fullName(rng);
  const specialist = rng.chance(0.88);
  return {
    hprNumber,
    name,
    email: demoEmail(name, hprNumber),
    phone: `+47 9${rng.int(1_000_000, 9_999_999)}`,
    workplaceKommunenummer: at(workplaces, weightedIndex(rng, cumulative)),
    specialistInGeneralPractice: specialist,
    specialistApprovedOn: specialist ? dayBetween(rng, '2000-01-01', addDays(today, -30)) : null,
    // Some exemptions have run out: the registry should show veileders who are no longer qualified.
    exemptionUntil: specialist ? null : dayBetween(rng, addDays(today, -400), addDays(today, 1100)),
    courseCompletedOn: rng.chance(0.7) ? dayBetween(rng, '2015-01-01', addDays(today, -1)) : null,
    capacity: rng.weighted([
      [4, 80],
      [3, 8],
      [5, 7],
      [6, 5],
    ] as const),
  };
}

/** Qualified as veileder on `day`: approved as specialist by then, or holding an exemption then (the stricter reading of the rule). */
const qualifiedOn = (supervisor: DemoSupervisor, day: string) =>
  (supervisor.specialistInGeneralPractice && (supervisor.specialistApprovedOn === null || supervisor.specialistApprovedOn <= day)) ||
  (supervisor.exemptionUntil !== null && supervisor.exemptionUntil >= day);

/** Finds veileders near an agreement: in its municipality, else its county, else anywhere. */
class SupervisorPool {
  private readonly byMunicipality = new Map<string, DemoSupervisor[]>();
  private readonly byCounty = new Map<string, DemoSupervisor[]>();

  constructor(private readonly all: readonly DemoSupervisor[]) {
    for (const supervisor of all) {
      const k = supervisor.workplaceKommunenummer;
      this.byMunicipality.set(k, [...(this.byMunicipality.get(k) ?? []), supervisor]);
      this.byCounty.set(k.slice(0, 2), [...(this.byCounty.get(k.slice(0, 2)) ?? []), supervisor]);
    }
  }

  /** A supervisor qualified as veileder on `day`, or undefined when a few tries find none. */
  veileder(rng: Random, kommunenummer: string, day: string, not?: string): DemoSupervisor | undefined {
    for (const candidates of [this.byMunicipality.get(kommunenummer), this.byCounty.get(kommunenummer.slice(0, 2)), this.all]) {
      if (!candidates || candidates.length === 0) continue;
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const candidate = rng.pick(candidates);
        if (candidate.hprNumber !== not && qualifiedOn(candidate, day)) return candidate;
      }
    }
    return undefined;
  }

  any(rng: Random, kommunenummer: string): DemoSupervisor | undefined {
    const near = this.byMunicipality.get(kommunenummer) ?? this.byCounty.get(kommunenummer.slice(0, 2)) ?? this.all;
    return near.length > 0 ? rng.pick(near) : undefined;
  }
}

/** Days an agreement runs at `percent` before absences (the shared rule, rounded up). */
const daysAt = (percent: number) => Math.ceil((FULL_TIME_DAYS * 100) / percent);

interface AgreementPlan {
  rng: Random;
  kommunenummer: string;
  status: AgreementStatusValue;
  today: string;
  pool: SupervisorPool;
  /** The latest day the agreement may start (an earlier agreement of the doctor ended before). */
  startBy?: string;
  endBy?: string;
}

function generateAgreement({ rng, kommunenummer, status: wanted, today, pool, startBy, endBy }: AgreementPlan): DemoAgreement {
  let status = wanted;
  let positionPercent: number = rng.weighted([
    [100, 70],
    [80, 12],
    [60, 10],
    [50, 8],
  ] as const);
  const latestStart = startBy ?? addDays(today, -30);
  let startDate: string;
  if (status === 'draft') {
    startDate = dayBetween(rng, addDays(today, -30), addDays(today, 120));
  } else if (status === 'completed') {
    // Completed: the whole planned period, absences included (at most 330 days), lies before today.
    if (addDays(today, -daysAt(positionPercent) - 400) < FIRST_START) positionPercent = 100;
    const lastStart = addDays(today, -daysAt(positionPercent) - 400);
    if (lastStart < FIRST_START) status = 'active';
    startDate = status === 'completed' ? dayBetween(rng, FIRST_START, lastStart) : dayBetween(rng, FIRST_START, latestStart);
  } else if (status === 'active') {
    // Running: started within the last planned period, so its planned end is still ahead.
    startDate = dayBetween(rng, maxDate(FIRST_START, addDays(today, -daysAt(positionPercent) + 60)), latestStart);
  } else {
    startDate = dayBetween(rng, FIRST_START, minDate(latestStart, addDays(today, -120)));
  }

  const absenceList: DemoAbsence[] = [];
  if (status !== 'draft' && rng.chance(0.22)) {
    const fromDate = addDays(startDate, rng.int(60, 900));
    absenceList.push({
      kind: rng.weighted([
        ['leave', 6],
        ['institution_service', 3],
        ['other', 1],
      ] as const),
      fromDate,
      toDate: addDays(fromDate, rng.int(30, 330)),
    });
  }
  const planned = (list: readonly DemoAbsence[]) => plannedEndDate(startDate, positionPercent, list.map((a) => ({ from: a.fromDate, to: a.toDate })));

  let endDate: string | null = null;
  let endReason: DemoAgreement['endReason'] = null;
  let absencesKept = absenceList;
  if (status === 'completed') {
    endDate = planned(absenceList);
    endReason = 'completed_training';
  } else if (status === 'terminated') {
    // Ends before the five years are up (before absences), so the end is never past the planned end.
    const lastEnd = minDate(minDate(endBy ?? today, addDays(today, -1)), addDays(planned([]), -1));
    endDate = dayBetween(rng, addDays(startDate, 90), lastEnd);
    endReason = startBy ? 'left_position' : rng.weighted([
      ['left_position', 6],
      ['no_grant', 2],
      ['other', 2],
    ] as const);
    const end = endDate;
    absencesKept = absenceList.filter((a) => a.fromDate <= end).map((a) => ({ ...a, toDate: minDate(a.toDate, end) }));
  }
  const plannedEnd = planned(absencesKept);

  // The terms first, supervision last: which veileders there are to choose from depends on the
  // scale, and must not shift anything else about the agreement.
  const signedBefore = addDays(startDate, -rng.int(7, 60));
  const terms = {
    kommunenummer,
    employmentForm: rng.chance(0.6) ? ('self_employed' as const) : ('salaried' as const),
    position: rng.weighted([
      ['gp', 75],
      ['gp_locum', 10],
      ['introduction', 10],
      ['other', 5],
    ] as const),
    signedOn: status === 'draft' && rng.chance(0.5) ? null : minDate(signedBefore, today),
    viaStaffingAgency: rng.chance(0.03),
  };

  // Some running agreements went down to a smaller share on the way (never up, so the planned end
  // stays ahead of today).
  const shares: ShareChange[] = [{ from: startDate, percent: positionPercent }];
  const running = daysBetween(startDate, today);
  if (status === 'active' && positionPercent > 50 && running > 400 && rng.chance(0.12)) {
    shares.push({ from: addDays(startDate, rng.int(365, running - 30)), percent: rng.chance(0.5) ? 50 : positionPercent - 20 });
  }

  const supervisionList: DemoSupervision[] = [];
  if (status !== 'draft' && rng.chance(0.92)) {
    const lastDay = endDate ?? today;
    const first = pool.veileder(rng, kommunenummer, startDate);
    const span = daysBetween(startDate, lastDay);
    // Some change veileder on the way: the first ends the day before the next begins.
    const switchOn = span > 400 && rng.chance(0.15) ? addDays(startDate, rng.int(180, span - 30)) : null;
    const second = switchOn ? pool.veileder(rng, kommunenummer, switchOn, first?.hprNumber) : undefined;
    if (first && switchOn && second) {
      supervisionList.push({ supervisorHprNumber: first.hprNumber, role: 'veileder', fromDate: startDate, toDate: addDays(switchOn, -1) });
      supervisionList.push({ supervisorHprNumber: second.hprNumber, role: 'veileder', fromDate: switchOn, toDate: endDate });
    } else if (first) {
      supervisionList.push({ supervisorHprNumber: first.hprNumber, role: 'veileder', fromDate: startDate, toDate: endDate });
    }
    if (rng.chance(0.4)) {
      const other = pool.any(rng, kommunenummer);
      const groupLeader = rng.chance(0.5);
      // A guidance group runs two years.
      const groupEnd = addDays(startDate, 730);
      const toDate = groupLeader ? minDate(groupEnd, endDate ?? groupEnd) : endDate;
      if (other) supervisionList.push({ supervisorHprNumber: other.hprNumber, role: groupLeader ? 'group_leader' : 'supervisor', fromDate: startDate, toDate });
    }
  }

  const absencePeriods = absencesKept.map((a) => ({ from: a.fromDate, to: a.toDate }));

  return {
    ...terms,
    positionPercent: shares.at(-1)?.percent ?? positionPercent,
    startDate,
    status,
    endDate,
    endReason,
    plannedEndDate: shares.length > 1 ? plannedEndDate(startDate, shares, absencePeriods) : plannedEnd,
    shares,
    absences: absencesKept,
    supervisions: supervisionList,
  };
}

/**
 * The demo registry for these municipalities: the same input always gives the same data, and each
 * municipality, registration, doctor and supervisor is drawn from its own generator, so that
 * doctor N is the same at every scale.
 */
export function generateDemoData(input: DemoInput): DemoData {
  const { scale, today } = input;
  const seed = input.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_DEMO_SCALE) throw new RangeError(`scale must be a whole number from 1 to ${MAX_DEMO_SCALE}`);
  if (input.municipalities.length === 0) throw new RangeError('no municipalities to put demo data in');

  const facts = municipalityFacts(seed, input.municipalities);
  const kommunenumre = facts.map((m) => m.kommunenummer);
  const registrationList = kommunenumre.flatMap((k) => generateRegistration(seed, k, today) ?? []);

  // Supervisors work where people live; agreements lean towards smaller places (ALIS is a rural measure).
  const supervisorWeights = cumulativeOf(facts.map((m) => m.population));
  const supervisorList = Array.from({ length: SUPERVISORS_PER_SCALE * scale }, (_, i) => generateSupervisor(seed, i, today, kommunenumre, supervisorWeights));
  const pool = new SupervisorPool(supervisorList);

  const counting = new Set(registrationList.filter((r) => r.status === 'registered' || r.status === 'applied').map((r) => r.kommunenummer));
  const registered = facts.filter((m) => counting.has(m.kommunenummer));
  const registeredWeights = cumulativeOf(registered.map((m) => m.population ** 0.6));
  const allWeights = cumulativeOf(facts.map((m) => m.population ** 0.6));
  const placeFor = (rng: Random) =>
    registered.length > 0 && rng.chance(0.92) ? at(registered, weightedIndex(rng, registeredWeights)).kommunenummer : at(facts, weightedIndex(rng, allWeights)).kommunenummer;

  const doctorList = Array.from({ length: DOCTORS_PER_SCALE * scale }, (_, i): DemoDoctor => {
    // The person and where they work come from one generator, each agreement's details from its
    // own: the choice of veileders depends on the scale, and must not shift anything else.
    const rng = random(seed, 'doctor', i);
    const hprNumber = String(DEMO_DOCTOR_HPR_BASE + i + 1);
    const name = fullName(rng);
    const phone = `+47 4${rng.int(1_000_000, 9_999_999)}`;
    const scheme = rng.chance(0.9) ? ('new' as const) : ('old' as const);
    const lis1Before = rng.int(30, 1500);
    const status = rng.weighted<AgreementStatusValue>([
      ['active', 72],
      ['draft', 8],
      ['completed', 12],
      ['terminated', 8],
    ]);
    const current = generateAgreement({ rng: random(seed, 'agreement', i), kommunenummer: placeFor(rng), status, today, pool });
    const agreementList = [current];
    // A few moved here from another municipality, where they left the position.
    const movedFrom = rng.chance(0.04) ? placeFor(rng) : current.kommunenummer;
    if (status !== 'completed' && current.startDate >= '2020-09-01' && movedFrom !== current.kommunenummer) {
      agreementList.unshift(
        generateAgreement({
          rng: random(seed, 'earlier-agreement', i),
          kommunenummer: movedFrom,
          status: 'terminated',
          today,
          pool,
          startBy: addDays(current.startDate, -200),
          endBy: addDays(current.startDate, -1),
        }),
      );
    }
    const firstStart = at(agreementList, 0).startDate;
    return {
      hprNumber,
      name,
      email: demoEmail(name, hprNumber),
      phone,
      lis1CompletedOn: maxDate('2014-01-01', addDays(firstStart, -lis1Before)),
      scheme,
      agreements: agreementList,
    };
  });

  const grants = generateDemoGrants({ seed, today, municipalities: facts, registrations: registrationList, doctors: doctorList });
  return {
    municipalities: facts,
    registrations: registrationList,
    supervisors: supervisorList,
    doctors: doctorList,
    grantSchemes: grants.schemes,
    grantApplications: grants.applications,
  };
}
