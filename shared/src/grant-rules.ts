import { type AgreementStatus, CLOSING_STATUSES } from './agreement-rules.js';
import { formatDate, parseDate } from './dates.js';
import { isValidOrganisationNumber } from './identifiers.js';
import type { AbsencePeriod, ShareChange } from './planned-end-date.js';
import type { FieldError, GrantProblemCode, GrantProblemParams } from './problem.js';
import type { DatePeriod } from './service-periods.js';

// The grant "Nasjonal ALIS og veiledning" and schemes like it: what a line is worth, which months an
// agreement can be claimed for, the lifecycle of an application and what stops it being submitted.
// Pure rules, so that the API and the admin app compute and explain the same.

/** A line's type: the agreement's position, or guidance for an ALIS without an agreement. */
export const grantLineTypes = ['gp', 'gp_locum', 'introduction', 'other', 'guidance_only'] as const;
export type GrantLineType = (typeof grantLineTypes)[number];

/** Statistics Norway's centrality classes: 1 the most central, 6 the most rural. */
export const centralityClasses = ['1', '2', '3', '4', '5', '6'] as const;
export type CentralityClassKey = (typeof centralityClasses)[number];

/** The annual rate in whole kroner for each line type and centrality class: every cell is given. */
export type RateTable = Record<GrantLineType, Record<CentralityClassKey, number>>;

export const grantApplicationStatuses = ['draft', 'submitted', 'granted', 'partially_granted', 'rejected', 'paid', 'withdrawn'] as const;
export type GrantApplicationStatus = (typeof grantApplicationStatuses)[number];

export const GRANT_TRANSITIONS: Record<GrantApplicationStatus, readonly GrantApplicationStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['granted', 'partially_granted', 'rejected', 'withdrawn'],
  granted: ['paid'],
  partially_granted: ['paid'],
  rejected: [],
  paid: [],
  withdrawn: [],
};

/** Helsedirektoratet's decisions on an application. */
export const GRANT_DECISIONS: readonly GrantApplicationStatus[] = ['granted', 'partially_granted', 'rejected'];
/** Decisions that grant an amount (to be paid). */
export const GRANTING_STATUSES: readonly GrantApplicationStatus[] = ['granted', 'partially_granted'];
/** Moves that are Helsedirektoratet's (or an admin's): deciding and paying. */
export const DIRECTORATE_MOVES: readonly GrantApplicationStatus[] = [...GRANT_DECISIONS, 'paid'];
/** Applications that count against a doctor's months: all but the withdrawn and the rejected. */
export const COUNTING_GRANT_STATUSES: readonly GrantApplicationStatus[] = ['draft', 'submitted', 'granted', 'partially_granted', 'paid'];
/** Statuses in which the auditor's certificate is expected: money was granted. */
export const CERTIFICATE_STATUSES: readonly GrantApplicationStatus[] = ['granted', 'partially_granted', 'paid'];

/** An agreement's position gives its lines' type. */
export const lineTypeOf = (position: 'gp' | 'gp_locum' | 'introduction' | 'other'): GrantLineType => position;

// --- amounts ------------------------------------------------------------------------------------

/** The rate of a cell of the table; the class must be 1–6. */
export function rateFor(table: RateTable, lineType: GrantLineType, centralityClass: number): number {
  const key = String(centralityClass) as CentralityClassKey;
  if (!centralityClasses.includes(key)) throw new RangeError(`centrality class must be 1–6, not ${centralityClass}`);
  return table[lineType][key];
}

/**
 * A line's amount in whole kroner: annual rate × share / 100 × months / 12, rounded half up once.
 * In integers (rate × percent × months, then ÷ 1200), so no floating-point step can move a krone:
 * 412 000 × 80 × 9 / 1200 = 247 200.
 */
export function lineAmount(annualRateNok: number, positionPercent: number, months: number): number {
  for (const [name, value] of [['annualRateNok', annualRateNok], ['positionPercent', positionPercent], ['months', months]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, not ${value}`);
  }
  const product = BigInt(annualRateNok) * BigInt(positionPercent) * BigInt(months);
  const whole = product / 1200n;
  return Number(product % 1200n >= 600n ? whole + 1n : whole);
}

// --- months ---------------------------------------------------------------------------------------

/** A calendar month inside a period: `month` is `YYYY-MM`, `from` and `to` its first and last day. */
export interface CalendarMonth {
  month: string;
  from: string;
  to: string;
}

/** The whole calendar months inside `period` (both ends inclusive), in order. */
export function wholeMonthsIn(period: { from: string; to: string }): CalendarMonth[] {
  const months: CalendarMonth[] = [];
  const start = parseDate(period.from);
  // The first month that starts on or after the period's first day.
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1);
  for (;;) {
    const first = formatDate(new Date(Date.UTC(year, month, 1)));
    const last = formatDate(new Date(Date.UTC(year, month + 1, 0)));
    if (last > period.to) return months;
    months.push({ month: first.slice(0, 7), from: first, to: last });
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
}

/** Agreements that have run: signed and started (active), or closed after running. */
export const RUNNING_AGREEMENT_STATUSES: readonly AgreementStatus[] = ['active', 'completed', 'terminated'];

/** What decides the months an agreement can be claimed for. */
export interface AgreementRun {
  status: AgreementStatus;
  startDate: string;
  /** The end date of a closed agreement; null while it runs. */
  endDate: string | null;
  /** When its service did not count (the municipality had neither applied for nor held § 19 registration). */
  nonCountingPeriods: readonly DatePeriod[];
  /** Its absences of kind `institution_service`: the agreement does not run during them. */
  institutionService: readonly AbsencePeriod[];
  /** Its share over time, oldest first. */
  shares: readonly ShareChange[];
}

/** A month an agreement can be claimed for, at the lowest share it had in that month. */
export interface ClaimableMonth extends CalendarMonth {
  percent: number;
}

const touches = (month: CalendarMonth, periods: readonly { from: string; to: string | null }[]) =>
  periods.some((period) => period.from <= month.to && (period.to === null || period.to >= month.from));

/**
 * The lowest share that held on any day of the month (`shares` oldest first): a month is never
 * claimed above what was worked. Before the first change, the first share holds.
 */
function lowestShare(shares: readonly ShareChange[], month: CalendarMonth): number {
  const first = shares[0];
  if (first === undefined) throw new RangeError('an agreement has a share from its start');
  let lowest: number | undefined;
  let holding = first.percent;
  for (const change of shares) {
    if (change.from <= month.from) holding = change.percent;
    else if (change.from <= month.to) lowest = Math.min(lowest ?? holding, change.percent);
  }
  return Math.min(lowest ?? holding, holding);
}

/**
 * The whole calendar months of `period` an agreement can be claimed for: a month counts when the
 * agreement ran every day of it (it had started, had not ended, and, while it still runs, the day
 * has come: no later than `today`), none of its days was institution service, and none lay in a
 * period when its service did not count. Each month carries the lowest share of that month.
 * Draft and cancelled agreements never ran.
 */
export function claimableMonths(run: AgreementRun, period: { from: string; to: string }, today: string): ClaimableMonth[] {
  return claimableOf(run, wholeMonthsIn(period), today);
}

/** `claimableMonths` over the period's months as `wholeMonthsIn` gives them (for many agreements of one period). */
export function claimableOf(run: AgreementRun, months: readonly CalendarMonth[], today: string): ClaimableMonth[] {
  if (!RUNNING_AGREEMENT_STATUSES.includes(run.status)) return [];
  const lastDay = CLOSING_STATUSES.includes(run.status) && run.endDate !== null ? run.endDate : today;
  const shares = [...run.shares].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return months
    .filter(
      (month) =>
        month.from >= run.startDate && month.to <= lastDay && !touches(month, run.nonCountingPeriods) && !touches(month, run.institutionService),
    )
    .map((month) => ({ ...month, percent: lowestShare(shares, month) }));
}

/** Whether an agreement ran on any day of the period (so that it belongs in the municipality's application). */
export function ranInPeriod(run: Pick<AgreementRun, 'status' | 'startDate' | 'endDate'>, period: { from: string; to: string }, today: string): boolean {
  if (!RUNNING_AGREEMENT_STATUSES.includes(run.status)) return false;
  const lastDay = CLOSING_STATUSES.includes(run.status) && run.endDate !== null ? run.endDate : today;
  const from = run.startDate > period.from ? run.startDate : period.from;
  const to = lastDay < period.to ? lastDay : period.to;
  return from <= to;
}

/** An agreement's claimable months as lines: one per share, in the order the shares first held. */
export function linesFromMonths(months: readonly ClaimableMonth[]): { positionPercent: number; months: number }[] {
  const lines = new Map<number, number>();
  for (const month of months) lines.set(month.percent, (lines.get(month.percent) ?? 0) + 1);
  return [...lines].map(([positionPercent, count]) => ({ positionPercent, months: count }));
}

/**
 * When a scheme's auditor's certificate is due unless it says otherwise: 1 April of the year after the
 * year of the expected decision (the certificate for grant year N is due 1 April N+1).
 */
export const defaultCertificateDueDate = (expectedDecisionDate: string) => `${Number(expectedDecisionDate.slice(0, 4)) + 1}-04-01`;

// --- eligibility ----------------------------------------------------------------------------------

export interface EligibilityLine {
  agreementId: string | null;
  doctorId: string;
  lineType: GrantLineType;
  positionPercent: number;
  months: number;
  /** The line's agreement as it bears on the grant; null for a line without one. */
  agreement: {
    kommunenummer: string;
    doctorId: string;
    viaStaffingAgency: boolean;
    /** See `claimableMonths`. */
    claimable: readonly ClaimableMonth[];
  } | null;
}

/** A line of another application of the same scheme (one that counts) for a doctor on this one. */
export interface OtherClaim {
  applicationId: string;
  kommunenummer: string;
  doctorId: string;
  positionPercent: number;
  months: number;
}

export interface EligibilityFacts {
  kommunenummer: string;
  organisationNumber: string | null;
  centralityClass: number | null;
  /** Whole calendar months of the scheme's period. */
  periodMonths: number;
  lines: readonly EligibilityLine[];
  otherClaims: readonly OtherClaim[];
}

/** Something that stops an application being submitted; `line` is the index in `lines` (null: the whole application). */
export interface GrantProblem {
  code: GrantProblemCode;
  line: number | null;
  /** The field it concerns (`lines.2.months`), as in a 422's `errors[]`. */
  path: string;
  message: string;
  params: GrantProblemParams;
}

/** Months × share, in percent-months (1 200 = a year at full time): integers, so sums stay exact. */
const percentMonths = (line: { positionPercent: number; months: number }) => line.positionPercent * line.months;

/**
 * Why an application cannot be submitted, in a stable order (the municipality first, then each line):
 *
 * - the municipality has no valid organisation number, or no centrality class; there are no lines;
 * - a line of a type other than guidance only names no agreement; a guidance-only line names one;
 * - the agreement belongs to another municipality or another doctor, or went through a staffing agency;
 * - the municipality's own agreement has no month that can be claimed in the period
 *   (`claimableMonths`), or its lines claim more months than that, or more months × share than its
 *   months at their shares;
 * - months outside 1–12 or a share outside 1–100;
 * - the same doctor claimed twice: on another application of the municipality in the scheme, or on
 *   two lines of this one (lines of one agreement at different shares, and lines of different
 *   agreements, are not double claims);
 * - a doctor claimed for more full-time months (months × share) across every application of the
 *   scheme than the period has, naming the other application that claims the most.
 */
export function grantProblems(facts: EligibilityFacts): GrantProblem[] {
  const problems: GrantProblem[] = [];
  const add = (code: GrantProblemCode, line: number | null, path: string, message: string, params: GrantProblemParams = {}) =>
    problems.push({ code, line, path, message, params });

  if (facts.organisationNumber === null || !isValidOrganisationNumber(facts.organisationNumber)) {
    add('no_organisation_number', null, 'kommunenummer', 'The municipality has no valid organisation number; an office or an admin records it on the municipality.');
  }
  if (facts.centralityClass === null) {
    add('no_centrality_class', null, 'kommunenummer', 'The municipality has no centrality class, so no rate applies; an office or an admin records it on the municipality.');
  }
  if (facts.lines.length === 0) add('no_lines', null, 'lines', 'The application has no lines.');

  // Per agreement: the months and percent-months its lines claim together.
  const claimedByAgreement = new Map<string, { months: number; percentMonths: number }>();
  for (const line of facts.lines) {
    if (line.agreementId === null) continue;
    const sum = claimedByAgreement.get(line.agreementId) ?? { months: 0, percentMonths: 0 };
    claimedByAgreement.set(line.agreementId, { months: sum.months + line.months, percentMonths: sum.percentMonths + percentMonths(line) });
  }
  // Per doctor: percent-months on this application and on the scheme's others.
  const fullTime = new Map<string, number>();
  for (const line of facts.lines) fullTime.set(line.doctorId, (fullTime.get(line.doctorId) ?? 0) + percentMonths(line));
  for (const claim of facts.otherClaims) {
    if (fullTime.has(claim.doctorId)) fullTime.set(claim.doctorId, (fullTime.get(claim.doctorId) ?? 0) + percentMonths(claim));
  }

  facts.lines.forEach((line, index) => {
    const at = (field: string) => `lines.${index}.${field}`;
    const { agreement } = line;
    if (line.lineType === 'guidance_only' && line.agreementId !== null) {
      add('guidance_with_agreement', index, at('agreementId'), 'A guidance-only line is for an ALIS without an agreement; claim the agreement with its position instead.');
    }
    if (line.lineType !== 'guidance_only' && line.agreementId === null) {
      add('agreement_required', index, at('agreementId'), 'A line of this type needs the ALIS agreement it claims.');
    }
    if (agreement) {
      if (agreement.kommunenummer !== facts.kommunenummer) {
        add('agreement_other_municipality', index, at('agreementId'), `The agreement belongs to municipality ${agreement.kommunenummer}.`, {
          kommunenummer: agreement.kommunenummer,
        });
      }
      if (agreement.doctorId !== line.doctorId) add('agreement_other_doctor', index, at('doctorId'), "The agreement is another doctor's.");
      if (agreement.viaStaffingAgency) {
        add('staffing_agency', index, at('agreementId'), 'The doctor is employed through a staffing agency, which is not eligible for the grant.');
      }
    }
    // Another municipality's agreement is not this application's to claim: its months do not matter here.
    const own = agreement !== null && agreement.kommunenummer === facts.kommunenummer;
    const claimable = own ? agreement.claimable.length : null;
    if (claimable === 0) {
      add('no_claimable_months', index, at('agreementId'), 'The agreement ran no whole calendar month in the period that can be claimed.', { claimable: 0 });
    } else if (line.months < 1 || line.months > 12) {
      add('months_out_of_range', index, at('months'), `${line.months} months is outside 1–12.`, { months: line.months });
    }
    if (line.positionPercent < 1 || line.positionPercent > 100) {
      add('percent_out_of_range', index, at('positionPercent'), `${line.positionPercent} % is outside 1–100.`, { percent: line.positionPercent });
    }
    if (own && claimable !== null && claimable > 0 && line.agreementId !== null) {
      const claimed = claimedByAgreement.get(line.agreementId) ?? { months: line.months, percentMonths: percentMonths(line) };
      const atShares = agreement.claimable.reduce((sum, month) => sum + month.percent, 0);
      if (claimed.months > claimable) {
        add('months_exceed_agreement', index, at('months'), `The agreement's lines claim ${claimed.months} months; it can be claimed for ${claimable} in the period.`, {
          months: claimed.months,
          claimable,
        });
      } else if (claimed.percentMonths > atShares) {
        add(
          'share_exceeds_agreement',
          index,
          at('positionPercent'),
          `The agreement's lines claim ${claimed.percentMonths / 100} full-time months; at its shares it can be claimed for ${atShares / 100}.`,
          { fullTimeMonths: claimed.percentMonths / 100, claimableFullTimeMonths: atShares / 100 },
        );
      }
    }

    const sameMunicipality = facts.otherClaims.find((claim) => claim.doctorId === line.doctorId && claim.kommunenummer === facts.kommunenummer);
    const earlier = facts.lines.findIndex(
      (other, otherIndex) =>
        otherIndex < index &&
        other.doctorId === line.doctorId &&
        (other.agreementId === null || line.agreementId === null || (other.agreementId === line.agreementId && other.positionPercent === line.positionPercent)),
    );
    if (sameMunicipality) {
      add('doctor_claimed_twice', index, at('doctorId'), `The doctor is claimed on another application of the municipality in this scheme (${sameMunicipality.applicationId}).`, {
        applicationId: sameMunicipality.applicationId,
      });
    } else if (earlier >= 0) {
      add('doctor_claimed_twice', index, at('doctorId'), `The doctor is already claimed on line ${earlier + 1}.`, { otherLine: earlier });
    }

    const total = fullTime.get(line.doctorId) ?? 0;
    if (total > facts.periodMonths * 100) {
      const others = new Map<string, { kommunenummer: string; percentMonths: number }>();
      for (const claim of facts.otherClaims.filter((c) => c.doctorId === line.doctorId)) {
        const sum = others.get(claim.applicationId)?.percentMonths ?? 0;
        others.set(claim.applicationId, { kommunenummer: claim.kommunenummer, percentMonths: sum + percentMonths(claim) });
      }
      const largest = [...others].sort((a, b) => b[1].percentMonths - a[1].percentMonths || (a[0] < b[0] ? -1 : 1))[0];
      add(
        'full_time_months_exceeded',
        index,
        at('months'),
        `The doctor is claimed for ${total / 100} full-time months in this scheme, more than the ${facts.periodMonths} months of its period` +
          (largest ? ` (also on application ${largest[0]} of municipality ${largest[1].kommunenummer}).` : '.'),
        {
          fullTimeMonths: total / 100,
          availableMonths: facts.periodMonths,
          ...(largest ? { applicationId: largest[0], kommunenummer: largest[1].kommunenummer } : {}),
        },
      );
    }
  });
  return problems;
}

/** A problem as an entry of a 422's `errors[]` (code `not_eligible`). */
export const problemAsFieldError = (problem: GrantProblem): FieldError => ({
  path: problem.path,
  code: 'not_eligible',
  message: problem.message,
  params: { problem: problem.code, ...problem.params },
});

// --- deadlines and dates --------------------------------------------------------------------------

export interface SchemeDates {
  periodFrom: string;
  periodTo: string;
  applicationDeadline: string;
  expectedDecisionDate: string;
  auditorCertificateDueDate: string;
}

/**
 * A scheme's dates follow each other: the period ends on or after it starts and holds at least one
 * whole month, the deadline is not before the period starts, the decision not before the deadline
 * and the certificate not due before the period ends.
 */
export function schemeDateErrors(scheme: SchemeDates): FieldError[] {
  const order: [keyof SchemeDates, keyof SchemeDates][] = [
    ['periodTo', 'periodFrom'],
    ['applicationDeadline', 'periodFrom'],
    ['expectedDecisionDate', 'applicationDeadline'],
    ['auditorCertificateDueDate', 'periodTo'],
  ];
  const errors: FieldError[] = order
    .filter(([field, reference]) => scheme[field] < scheme[reference])
    .map(([field, reference]) => ({
      path: field,
      code: 'too_early',
      message: `must not be before ${reference} (${scheme[reference]})`,
      params: { earliest: scheme[reference], reference },
    }));
  if (errors.length === 0 && wholeMonthsIn({ from: scheme.periodFrom, to: scheme.periodTo }).length === 0) {
    errors.push({ path: 'periodTo', code: 'invalid', message: 'the period must hold at least one whole calendar month', params: {} });
  }
  return errors;
}

/** Whether an application sent on `day` is in time for a scheme with this deadline. */
export const inTime = (day: string, applicationDeadline: string) => day <= applicationDeadline;

/** Whether the auditor's certificate is overdue on `today`. */
export function certificateOverdue(
  application: { status: GrantApplicationStatus; auditorCertificateReceivedOn: string | null },
  dueDate: string,
  today: string,
): boolean {
  return CERTIFICATE_STATUSES.includes(application.status) && application.auditorCertificateReceivedOn === null && today > dueDate;
}
