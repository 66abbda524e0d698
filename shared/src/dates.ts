/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings in UTC, so that no time zone or daylight-saving
 * change can move a date.
 */
const DAY_MS = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
/** Days in a month (1–12). */
const daysInMonth = (year: number, month: number): number => (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));

/**
 * Year, month (1–12) and day of a `YYYY-MM-DD` date that exists; RangeError for anything else. Years
 * before 0100 are refused, as `Date.UTC` would read them as 19xx.
 */
function dateParts(value: string): [year: number, month: number, day: number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`not a date: ${value}`);
  return [year, month, day];
}

const padded = (n: number, width: number) => String(n).padStart(width, '0');
const dateOf = (year: number, month: number, day: number) => `${padded(year, 4)}-${padded(month, 2)}-${padded(day, 2)}`;

export function parseDate(value: string): Date {
  const [year, month, day] = dateParts(value);
  return new Date(Date.UTC(year, month - 1, day));
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

/**
 * The same day `months` later, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb).
 * Counted on the calendar's numbers, without Date objects: every agreement on a page asks it twice
 * (the education plan's due dates).
 */
export function addMonths(value: string, months: number): string {
  const [year, month, day] = dateParts(value);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return dateOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

// Made once: building a formatter costs far more than formatting with it, and this runs on every read.
const osloDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
const MINUTE_MS = 60_000;
// Norway's offsets from UTC are whole hours, so its day turns only as a UTC minute does: the day is
// worked out once a minute (formatting it took a few µs of every read, several times a request).
let lastDay = { minute: Number.NaN, day: '' };

/** Today's date in Norway, `YYYY-MM-DD`: the day the rules are judged on. */
export function todayInNorway(now = new Date()): string {
  const minute = Math.floor(now.getTime() / MINUTE_MS);
  if (minute !== lastDay.minute) lastDay = { minute, day: osloDate.format(now) };
  return lastDay.day;
}

/** The ISO 8601 week of a date, `2026-W49` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(value: string): string {
  const date = parseDate(value);
  const weekday = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${padded(week, 2)}`;
}
