import {
  type GrantApplicationStatus,
  type GrantLineType,
  type RateTable,
  type RegistrationStatus,
  SAMPLE_RATE_TABLE,
  addDays,
  claimableMonths,
  countingPeriods,
  lineAmount,
  lineTypeOf,
  linesFromMonths,
  nonCountingPeriods,
  ranInPeriod,
  rateFor,
  shareOn,
} from '@alis/shared';
import type { DemoAgreement, DemoDoctor, DemoRegistration } from './demo-generate.js';
import type { MunicipalityFacts } from './demo-municipalities.js';
import { random } from './demo-random.js';

// The grants part of the demo registry (pure, like demo-generate.ts): the scheme "Nasjonal ALIS og
// veiledning" for the last two years and this one, and each municipality's application in each,
// built from its demo agreements with the shared rules (claimable months, amounts). Every status
// shows: last year's and the year before's applications were sent after their period and decided,
// paid or withdrawn as far as today allows; this year's are drafts, as draft-from-agreements makes them.

export interface DemoGrantScheme {
  code: string;
  name: string;
  description: string;
  periodFrom: string;
  periodTo: string;
  applicationDeadline: string;
  expectedDecisionDate: string;
  auditorCertificateDueDate: string;
  annualRatesNok: RateTable;
}

export interface DemoGrantLine {
  /** The line's agreement, by its doctor and where and when it started (unique per doctor). */
  doctorHprNumber: string;
  agreementKommunenummer: string;
  agreementStartDate: string;
  lineType: GrantLineType;
  positionPercent: number;
  months: number;
  /** Kept from submission; null in a draft. */
  annualRateNok: number | null;
  amountNok: number | null;
}

export interface DemoGrantTransition {
  from: GrantApplicationStatus;
  to: GrantApplicationStatus;
  date: string;
}

export interface DemoGrantApplication {
  kommunenummer: string;
  schemeCode: string;
  status: GrantApplicationStatus;
  /** The class the amounts were computed with (the municipality's demo class); null in a draft. */
  centralityClass: number | null;
  rateVersion: number | null;
  totalNok: number | null;
  submittedOn: string | null;
  decisionDate: string | null;
  decisionReference: string | null;
  grantedNok: number | null;
  paidOn: string | null;
  paidNok: number | null;
  withdrawnOn: string | null;
  auditorCertificateReceivedOn: string | null;
  lines: DemoGrantLine[];
  transitions: DemoGrantTransition[];
}

/** The scheme of a calendar year, as the national scheme is set up (migrations/0008_grants.sql for 2026). */
export function demoScheme(year: number): DemoGrantScheme {
  return {
    code: `nasjonal-alis-${year}`,
    name: `Nasjonal ALIS og veiledning ${year}`,
    description: `Tilskuddsordningen Nasjonal ALIS og veiledning for ${year}. EKSEMPELSATSER: satstabellen er et eksempel, ikke Helsedirektoratets satser, og må erstattes av en administrator.`,
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    applicationDeadline: `${year + 1}-03-01`,
    expectedDecisionDate: `${year + 1}-06-01`,
    auditorCertificateDueDate: `${year + 2}-04-01`,
    annualRatesNok: SAMPLE_RATE_TABLE,
  };
}

const minDate = (a: string, b: string) => (a < b ? a : b);

interface Placed {
  doctor: DemoDoctor;
  agreement: DemoAgreement;
}

/** An agreement's lines in a period, as draft-from-agreements makes them (one per share; 0 months when none can be claimed). */
function linesOf({ doctor, agreement }: Placed, period: { from: string; to: string }, counting: ReturnType<typeof countingPeriods>, today: string) {
  const closed = agreement.status === 'completed' || agreement.status === 'terminated';
  const run = {
    status: agreement.status,
    startDate: agreement.startDate,
    endDate: agreement.endDate,
    nonCountingPeriods: nonCountingPeriods({ from: agreement.startDate, to: closed ? agreement.endDate : null }, counting),
    institutionService: agreement.absences.filter((a) => a.kind === 'institution_service').map((a) => ({ from: a.fromDate, to: a.toDate })),
    shares: agreement.shares,
  };
  if (!ranInPeriod(run, period, today)) return [];
  const base = {
    doctorHprNumber: doctor.hprNumber,
    agreementKommunenummer: agreement.kommunenummer,
    agreementStartDate: agreement.startDate,
    lineType: lineTypeOf(agreement.position),
    viaStaffingAgency: agreement.viaStaffingAgency,
  };
  const shares = linesFromMonths(claimableMonths(run, period, today));
  if (shares.length > 0) return shares.map((share) => ({ ...base, ...share }));
  const from = agreement.startDate > period.from ? agreement.startDate : period.from;
  return [{ ...base, positionPercent: shareOn(agreement.shares, from) ?? agreement.positionPercent, months: 0 }];
}

type Outcome = 'submitted' | 'granted' | 'partially_granted' | 'rejected' | 'paid' | 'withdrawn' | 'draft';

/**
 * The schemes of the two years before `today`'s and of its own, and every municipality's
 * application in each where it has agreements that ran in the period. Only the municipalities
 * whose registration history is known count service (as in the API).
 */
export function generateDemoGrants(input: {
  seed: number;
  today: string;
  municipalities: readonly MunicipalityFacts[];
  registrations: readonly DemoRegistration[];
  doctors: readonly DemoDoctor[];
}): { schemes: DemoGrantScheme[]; applications: DemoGrantApplication[] } {
  const { seed, today } = input;
  const year = Number(today.slice(0, 4));
  const schemes = [year - 2, year - 1, year].map(demoScheme);
  const classOf = new Map(input.municipalities.map((m) => [m.kommunenummer, m.centralityClass]));
  const counting = new Map(
    input.registrations.map((r) => [r.kommunenummer, countingPeriods(r.transitions.map((t) => ({ to: t.to as RegistrationStatus, date: t.date })), null)]),
  );
  const placed = new Map<string, Placed[]>();
  for (const doctor of input.doctors) {
    for (const agreement of doctor.agreements) placed.set(agreement.kommunenummer, [...(placed.get(agreement.kommunenummer) ?? []), { doctor, agreement }]);
  }

  const applications: DemoGrantApplication[] = [];
  for (const scheme of schemes) {
    const period = { from: scheme.periodFrom, to: scheme.periodTo };
    const current = scheme.periodTo >= today;
    for (const [kommunenummer, agreements] of [...placed].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const centralityClass = classOf.get(kommunenummer);
      if (centralityClass === undefined) continue;
      const ordered = [...agreements].sort((a, b) => (a.agreement.startDate < b.agreement.startDate ? -1 : a.agreement.startDate > b.agreement.startDate ? 1 : a.doctor.hprNumber < b.doctor.hprNumber ? -1 : 1));
      const all = ordered.flatMap((one) => linesOf(one, period, counting.get(kommunenummer) ?? [], today));
      const rng = random(seed, 'grant', scheme.code, kommunenummer);
      // What is sent is sound: no staffing agency, no line without months.
      const sound = all.filter((line) => !line.viaStaffingAgency && line.months > 0);
      if (current ? all.length === 0 : sound.length === 0) continue;

      const outcome: Outcome = current
        ? rng.weighted<Outcome>([
            ['draft', 92],
            ['withdrawn', 8],
          ])
        : rng.weighted<Outcome>([
            ['paid', year - 2 === Number(scheme.periodFrom.slice(0, 4)) ? 60 : 25],
            ['granted', 15],
            ['partially_granted', 12],
            ['rejected', 5],
            ['submitted', year - 2 === Number(scheme.periodFrom.slice(0, 4)) ? 3 : 30],
            ['withdrawn', 5],
          ]);
      if (current) {
        const withdrawnOn = outcome === 'withdrawn' ? minDate(addDays(scheme.periodFrom, rng.int(30, 300)), today) : null;
        applications.push({
          kommunenummer,
          schemeCode: scheme.code,
          status: outcome === 'withdrawn' ? 'withdrawn' : 'draft',
          centralityClass: null,
          rateVersion: null,
          totalNok: null,
          submittedOn: null,
          decisionDate: null,
          decisionReference: null,
          grantedNok: null,
          paidOn: null,
          paidNok: null,
          withdrawnOn,
          auditorCertificateReceivedOn: null,
          lines: all.map(({ viaStaffingAgency: _agency, ...line }) => ({ ...line, annualRateNok: null, amountNok: null })),
          transitions: withdrawnOn ? [{ from: 'draft', to: 'withdrawn', date: withdrawnOn }] : [],
        });
        continue;
      }

      const lines = sound.map(({ viaStaffingAgency: _agency, ...line }) => {
        const annualRateNok = rateFor(scheme.annualRatesNok, line.lineType, centralityClass);
        return { ...line, annualRateNok, amountNok: lineAmount(annualRateNok, line.positionPercent, line.months) };
      });
      const totalNok = lines.reduce((sum, line) => sum + line.amountNok, 0);
      // Sent after the period, by the deadline; decided a month or four later, paid within six weeks.
      const submittedOn = minDate(addDays(scheme.periodTo, rng.int(15, 55)), today);
      const transitions: DemoGrantTransition[] = [{ from: 'draft', to: 'submitted', date: submittedOn }];
      const application: DemoGrantApplication = {
        kommunenummer,
        schemeCode: scheme.code,
        status: 'submitted',
        centralityClass,
        rateVersion: 1,
        totalNok,
        submittedOn,
        decisionDate: null,
        decisionReference: null,
        grantedNok: null,
        paidOn: null,
        paidNok: null,
        withdrawnOn: null,
        auditorCertificateReceivedOn: null,
        lines,
        transitions,
      };
      const step = (to: GrantApplicationStatus, date: string) => {
        transitions.push({ from: application.status, to, date });
        application.status = to;
      };
      if (outcome === 'withdrawn') {
        const withdrawnOn = minDate(addDays(submittedOn, rng.int(5, 60)), today);
        step('withdrawn', withdrawnOn);
        application.withdrawnOn = withdrawnOn;
      } else if (outcome !== 'submitted') {
        const decisionDate = addDays(submittedOn, rng.int(30, 120));
        if (decisionDate <= today) {
          const decided = outcome === 'paid' ? (rng.chance(0.8) ? 'granted' : 'partially_granted') : outcome;
          application.decisionDate = decisionDate;
          application.decisionReference = `${decisionDate.slice(0, 4)}/${rng.int(1000, 9999)}`;
          application.grantedNok =
            decided === 'rejected' ? null : decided === 'granted' ? totalNok : Math.max(1, Math.min(totalNok - 1, Math.round(totalNok * (0.6 + 0.35 * rng.next()))));
          step(decided, decisionDate);
          const paidOn = addDays(decisionDate, rng.int(10, 45));
          if (outcome === 'paid' && paidOn <= today && application.grantedNok !== null) {
            application.paidOn = paidOn;
            application.paidNok = application.grantedNok;
            step('paid', paidOn);
          }
          const received = addDays(decisionDate, rng.int(60, 400));
          if (application.grantedNok !== null && received <= today && rng.chance(0.75)) application.auditorCertificateReceivedOn = received;
        }
      }
      applications.push(application);
    }
  }
  return { schemes, applications };
}
