import { addDays, addYears, daysBetween } from './dates.js';

/** Five years of service at full time (DOMAIN: "at most 5 years at full time"). */
export const TRAINING_YEARS = 5;

export interface AbsencePeriod {
  /** Inclusive. */
  from: string;
  /** Inclusive. */
  to: string;
}

/**
 * The last day of an ALIS agreement's training period.
 *
 * 1. Full time, the agreement runs five calendar years: from 2024-01-01 to 2028-12-31 (the day
 *    before the fifth anniversary; leap days fall where they fall).
 * 2. Part time stretches it pro rata: at p % the same service takes 100/p times as many calendar
 *    days, rounded up to a whole day (60 % of 1 827 days = 3 045 days).
 * 3. Every absence day (statutory leave, institution service outside the municipality, other) on
 *    or after the start pushes the end one day further. An absence that begins before the start
 *    counts from the start; one that begins after the (extended) end does not count.
 */
export function plannedEndDate(startDate: string, positionPercent: number, absences: readonly AbsencePeriod[] = []): string {
  if (!(positionPercent > 0 && positionPercent <= 100)) throw new RangeError('positionPercent must be in (0, 100]');
  const fullTimeDays = daysBetween(startDate, addYears(startDate, TRAINING_YEARS));
  const serviceDays = Math.ceil((fullTimeDays * 100) / positionPercent - 1e-9);
  let end = addDays(startDate, serviceDays - 1);

  const sorted = [...absences].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let countedUntil = addDays(startDate, -1);
  for (const absence of sorted) {
    if (absence.from > end) break;
    // Count each absence day once, from the start on, even if periods touch or overlap.
    const from = absence.from > countedUntil ? absence.from : addDays(countedUntil, 1);
    if (absence.to < from) continue;
    end = addDays(end, daysBetween(from, absence.to) + 1);
    countedUntil = absence.to;
  }
  return end;
}
