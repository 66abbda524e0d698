/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings in UTC, so that no time zone or daylight-saving
 * change can move a date.
 */
const DAY_MS = 86_400_000;

export function parseDate(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new RangeError(`not a date: ${value}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== value) throw new RangeError(`not a date: ${value}`);
  return date;
}

export const formatDate = (date: Date) => date.toISOString().slice(0, 10);

export const addDays = (value: string, days: number) => formatDate(new Date(parseDate(value).getTime() + days * DAY_MS));

/** Whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: string, to: string) => Math.round((parseDate(to).getTime() - parseDate(from).getTime()) / DAY_MS);

/**
 * The same day `years` later; 29 February becomes 1 March in a common year, so that five years
 * from 2024-02-29 end on 2029-02-28 (the day before 2029-03-01).
 */
export function addYears(value: string, years: number): string {
  const date = parseDate(value);
  return formatDate(new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate())));
}

/** The same day `months` later, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(value: string, months: number): string {
  const date = parseDate(value);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return formatDate(target);
}

// Made once: building a formatter costs far more than formatting with it, and this runs on every read.
const osloDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
export const todayInNorway = (now = new Date()) => osloDate.format(now);

/** The ISO 8601 week of a date, `2026-W49` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(value: string): string {
  const date = parseDate(value);
  const weekday = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
