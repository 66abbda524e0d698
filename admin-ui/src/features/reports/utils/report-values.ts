import type { ReportCount } from '@alis/shared';

/** A count as the dashboard shows it: suppressed counts as ":" (Statistics Norway's mark). */
export const SUPPRESSED = ':';

export const countValue = (count: ReportCount): number | null => (count.suppressed ? null : count.value);

export function formatCount(count: ReportCount | number): string {
  if (typeof count === 'number') return new Intl.NumberFormat('nb-NO').format(count);
  return count.suppressed || count.value === null ? SUPPRESSED : new Intl.NumberFormat('nb-NO').format(count.value);
}

/** The first day of each of the `months` months up to `asOf`, oldest first, ending with `asOf` itself. */
export function monthlyDays(asOf: string, months: number): string[] {
  const days: string[] = [];
  let year = Number(asOf.slice(0, 4));
  let month = Number(asOf.slice(5, 7));
  for (let i = 0; i < months - 1; i++) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    days.unshift(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`);
  }
  // The day itself ends the series (not the first of its month), so the last point is the date picked.
  days.push(asOf);
  return days;
}
