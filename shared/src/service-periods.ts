import { addDays, daysBetween } from './dates.js';
import { type RegistrationStatus, SERVICE_COUNTING_STATUSES, registeredFromDate } from './registration-rules.js';

/** A period of days, both ends inclusive; `to` null while it has no end. */
export interface DatePeriod {
  from: string;
  to: string | null;
}

/** One status change of a § 19 registration, in the order it was made. */
export interface RegistrationChange {
  to: RegistrationStatus;
  /** The date the transition carries (application or decision date …). */
  date: string;
}

/** A registration with no recorded changes (imported), judged by its current state. */
export interface RegistrationSnapshot {
  status: RegistrationStatus;
  registeredFrom: string | null;
  applicationDate: string | null;
}

const counts = (status: RegistrationStatus | null) => status !== null && SERVICE_COUNTING_STATUSES.includes(status);

/**
 * When a change takes effect: on its date, except that an application counts from the date § 19
 * gives it (its date, or 1 March 2019 for one sent before 1 June 2019).
 */
const effectiveDate = (change: RegistrationChange) => (change.to === 'applied' ? registeredFromDate(change.date) : change.date);

/** A period in which a registration had one status. */
export interface StatusPeriod extends DatePeriod {
  status: RegistrationStatus;
}

/**
 * The statuses a registration had over time, in order, from its changes in the order they were
 * made: on any day, the last change (in that order) that had taken effect by then decides. Before
 * the first change takes effect it had none (not registered). Without recorded changes (imported),
 * a registration that counts has had its status from the date its registration counts from.
 */
export function statusPeriods(changes: readonly RegistrationChange[], snapshot: RegistrationSnapshot | null): StatusPeriod[] {
  if (changes.length === 0) {
    if (!snapshot || !counts(snapshot.status)) return [];
    const from = snapshot.registeredFrom ?? (snapshot.applicationDate ? registeredFromDate(snapshot.applicationDate) : null);
    return from ? [{ status: snapshot.status, from, to: null }] : [];
  }
  const dates = [...new Set(changes.map(effectiveDate))].sort();
  const periods: StatusPeriod[] = [];
  dates.forEach((from, index) => {
    let status: RegistrationStatus | null = null;
    for (const change of changes) if (effectiveDate(change) <= from) status = change.to;
    // `from` is when some change took effect, so there is a status.
    if (status === null) return;
    const next = dates[index + 1];
    const to = next === undefined ? null : addDays(next, -1);
    const last = periods.at(-1);
    if (last?.status === status) last.to = to;
    else periods.push({ status, from, to });
  });
  return periods;
}

/**
 * The periods in which ALIS service in the municipality counts: while it has applied for or holds
 * registration (DOMAIN: "Service counts only while the municipality is registered or has applied"),
 * from the registration's status periods, adjacent ones merged.
 */
export function countingPeriods(changes: readonly RegistrationChange[], snapshot: RegistrationSnapshot | null): DatePeriod[] {
  return countingOf(statusPeriods(changes, snapshot));
}

/** The counting periods among status periods (in order), adjacent ones merged. */
export function countingOf(periods: readonly StatusPeriod[]): DatePeriod[] {
  const merged: DatePeriod[] = [];
  for (const period of periods) {
    if (!counts(period.status)) continue;
    const last = merged.at(-1);
    if (last && last.to !== null && addDays(last.to, 1) === period.from) last.to = period.to;
    else merged.push({ from: period.from, to: period.to });
  }
  return merged;
}

/**
 * The parts of `span` (an agreement's run) that lie in none of `counting`: the periods in which its
 * service did not count. `span.to` null means the agreement is still open.
 */
export function nonCountingPeriods(span: DatePeriod, counting: readonly DatePeriod[]): DatePeriod[] {
  const gaps: DatePeriod[] = [];
  let cursor: string | null = span.from;
  for (const period of [...counting].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    if (cursor === null) break;
    if (span.to !== null && period.from > span.to) break;
    if (period.to !== null && period.to < cursor) continue;
    if (period.from > cursor) gaps.push({ from: cursor, to: addDays(period.from, -1) });
    cursor = period.to === null ? null : addDays(period.to, 1);
  }
  if (cursor !== null && (span.to === null || cursor <= span.to)) gaps.push({ from: cursor, to: span.to });
  return gaps;
}

/** Whether `day` lies in the period (both ends inclusive; open-ended when `to` is null). */
export const runsOn = (period: DatePeriod, day: string) => period.from <= day && (period.to === null || day <= period.to);

/** Whether `day` lies in one of the periods. */
export const inPeriods = (day: string, periods: readonly DatePeriod[]) => periods.some((period) => runsOn(period, day));

/** The days of `periods` that fall in `span`, counted (both inclusive; `span.to` must be a date). */
export function daysIn(periods: readonly DatePeriod[], span: { from: string; to: string }): number {
  let total = 0;
  for (const period of periods) {
    const from = period.from > span.from ? period.from : span.from;
    const to = period.to === null || period.to > span.to ? span.to : period.to;
    if (from <= to) total += daysBetween(from, to) + 1;
  }
  return total;
}
