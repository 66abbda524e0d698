import { addDays, addYears, daysBetween } from './dates.js';

/** Five years of service at full time (DOMAIN: "at most 5 years at full time"). */
export const TRAINING_YEARS = 5;

export interface AbsencePeriod {
  /** Inclusive. */
  from: string;
  /** Inclusive. */
  to: string;
}

/** A position share that holds from a date until the next change. */
export interface ShareChange {
  from: string;
  percent: number;
}

/**
 * The last day of an ALIS agreement's training period.
 *
 * 1. Full time, the agreement runs five calendar years: from 2024-01-01 to 2028-12-31 (the day
 *    before the fifth anniversary; leap days fall where they fall).
 * 2. Part time stretches it pro rata: each day at p % gives p/100 of a day of service, and the
 *    agreement ends on the day the service reaches the five years' days. With a share that changes
 *    over time (`positionPercent` as a history), each day counts at the share it had; the end is
 *    rounded up to a whole day once, at the end (60 % of 1 827 days = 3 045 days).
 * 3. An absence day (statutory leave, institution service outside the municipality, other) gives no
 *    service, so every absence day on or after the start pushes the end one day further. An absence
 *    that begins before the start counts from the start; one that begins after the end does not count.
 */
export function plannedEndDate(
  startDate: string,
  share: number | readonly ShareChange[],
  absences: readonly AbsencePeriod[] = [],
): string {
  const changes = typeof share === 'number' ? [{ from: startDate, percent: share }] : [...share].sort((a, b) => (a.from < b.from ? -1 : 1));
  for (const change of changes) {
    if (!(change.percent > 0 && change.percent <= 100)) throw new RangeError('positionPercent must be in (0, 100]');
  }
  const first = changes[0];
  if (!first || first.from > startDate) throw new RangeError('the share must be known from the start date');
  // In percent-days, so that no rounding happens before the last day.
  let needed = daysBetween(startDate, addYears(startDate, TRAINING_YEARS)) * 100;

  // Days off, from the start on, merged, in order.
  const off: AbsencePeriod[] = [];
  for (const absence of [...absences].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    const from = absence.from < startDate ? startDate : absence.from;
    if (absence.to < from) continue;
    const last = off.at(-1);
    if (last && from <= addDays(last.to, 1)) {
      if (absence.to > last.to) last.to = absence.to;
    } else off.push({ from, to: absence.to });
  }

  let day = startDate;
  let shareIndex = changes.findLastIndex((change) => change.from <= startDate);
  let offIndex = 0;
  for (;;) {
    const percent = changes[shareIndex]?.percent ?? first.percent;
    const nextShare = changes[shareIndex + 1]?.from ?? null;
    const absence = off[offIndex];
    if (absence && absence.from <= day) {
      // No service while away: step over the absence (or what is left of it).
      day = addDays(absence.to, 1);
      offIndex += 1;
    } else {
      // Working days at one share until the next absence or share change, whichever comes first.
      const stops = [absence?.from, nextShare].filter((stop): stop is string => stop !== undefined && stop !== null);
      const until = stops.length > 0 ? stops.reduce((a, b) => (a < b ? a : b)) : null;
      const available = until === null ? Infinity : daysBetween(day, until);
      const daysNeeded = Math.ceil(needed / percent);
      if (daysNeeded <= available) return addDays(day, daysNeeded - 1);
      needed -= available * percent;
      day = until ?? day;
    }
    while (shareIndex + 1 < changes.length && (changes[shareIndex + 1]?.from ?? '') <= day) shareIndex += 1;
  }
}

/** The share that holds on `day`: the last change on or before it (the first, before the start). */
export function shareOn(changes: readonly ShareChange[], day: string): number | undefined {
  let share: number | undefined;
  for (const change of [...changes].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    if (share === undefined || change.from <= day) share = change.percent;
  }
  return share;
}
