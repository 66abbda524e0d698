import { describe, expect, it } from 'vitest';
import { addMonths, isoWeekOf, parseDate, todayInNorway } from './dates.js';

describe('isoWeekOf', () => {
  it('numbers weeks from the one holding the first Thursday, across year ends', () => {
    expect(isoWeekOf('2026-11-30')).toBe('2026-W49');
    expect(isoWeekOf('2026-12-06')).toBe('2026-W49');
    expect(isoWeekOf('2026-12-07')).toBe('2026-W50');
    // 1 January 2027 is a Friday: it belongs to the last week of 2026.
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    // 29 December 2025 is a Monday in week 1 of 2026.
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
  });
});

/** What the calendar arithmetic must agree with: the same rules worked out with Date. */
const byDate = {
  valid(value: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === value;
  },
  addMonths(value: string, months: number): string {
    const date = new Date(`${value}T00:00:00Z`);
    const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
    return target.toISOString().slice(0, 10);
  },
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('parseDate', () => {
  it('takes exactly the dates that exist, from the year 0100 (Date.UTC reads earlier years as 19xx)', () => {
    for (const year of [0, 99, 100, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 2199, 9999]) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const parsed = (() => {
            try {
              return parseDate(value).toISOString().slice(0, 10);
            } catch (error) {
              expect(error).toBeInstanceOf(RangeError);
              return null;
            }
          })();
          expect(parsed, value).toBe(byDate.valid(value) ? value : null);
        }
      }
    }
    for (const value of ['2024-1-01', '2024-01-1', ' 2024-01-01', '2024-01-01T00:00', '20240101', '', 'abcd-ef-gh']) {
      expect(() => parseDate(value), value).toThrow(RangeError);
    }
  });
});

describe('addMonths', () => {
  // Only a month's last days can clamp; the 1st and 15th stand for the rest. Every month of three
  // centuries (1900 and 2100 are not leap years, 2000 is), so a busy machine still runs it in a second.
  it('agrees with Date arithmetic on the first, middle and last days of every month from 1900 to 2199, forwards and backwards', { timeout: 30_000 }, () => {
    const offsets = [-600, -25, -1, 1, 6, 12, 59];
    for (let year = 1900; year <= 2199; year++) {
      for (let month = 0; month < 12; month++) {
        for (const dayOfMonth of [1, 15, 27, 28, 29, 30, 31]) {
          const day = new Date(Date.UTC(year, month, dayOfMonth));
          if (day.getUTCMonth() !== month) continue;
          const value = day.toISOString().slice(0, 10);
          for (const months of offsets) {
            const expected = byDate.addMonths(value, months);
            if (addMonths(value, months) !== expected) expect(addMonths(value, months), `${value} + ${months}`).toBe(expected);
          }
        }
      }
    }
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
  });
});

describe('todayInNorway', () => {
  const formatted = (instant: Date) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

  it('turns at midnight in Norway, summer and winter, however the instants asked for jump about', () => {
    // Midnight is 23:00 UTC in winter and 22:00 in summer: asked a minute and a millisecond either side of it, and at it.
    const edges = ['2026-01-14T23:00:00Z', '2026-07-14T22:00:00Z', '2026-03-28T23:00:00Z', '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z'];
    const instants = edges.flatMap((edge) => [-60_000, -1, 0, 1, 59_999].map((offset) => new Date(Date.parse(edge) + offset)));
    for (const instant of [...instants, ...[...instants].reverse()]) expect(todayInNorway(instant), instant.toISOString()).toBe(formatted(instant));
    expect(todayInNorway(new Date('2026-07-14T21:59:59.999Z'))).toBe('2026-07-14');
    expect(todayInNorway(new Date('2026-07-14T22:00:00.000Z'))).toBe('2026-07-15');
  });
});
