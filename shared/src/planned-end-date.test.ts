import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween } from './dates.js';
import { plannedEndDate } from './planned-end-date.js';

describe('plannedEndDate', () => {
  it('runs five calendar years at full time', () => {
    expect(plannedEndDate('2024-01-01', 100)).toBe('2028-12-31');
    expect(plannedEndDate('2025-09-15', 100)).toBe('2030-09-14');
  });

  it('handles a start on a leap day', () => {
    expect(addYears('2024-02-29', 5)).toBe('2029-03-01');
    expect(plannedEndDate('2024-02-29', 100)).toBe('2029-02-28');
  });

  it('counts the leap days inside the period', () => {
    // 2024-01-01..2028-12-31 holds two leap days (2024, 2028): 1 827 days.
    expect(daysBetween('2024-01-01', '2029-01-01')).toBe(1827);
    // 2025-03-01..2030-02-28 holds one (2028): 1 826 days.
    expect(daysBetween('2025-03-01', '2030-03-01')).toBe(1826);
  });

  it('stretches part time pro rata, rounding up to a whole day', () => {
    // 1 827 days at 50 % = 3 654 days: one more than ten calendar years, which hold a third leap day.
    expect(plannedEndDate('2024-01-01', 50)).toBe('2034-01-01');
    expect(daysBetween('2024-01-01', plannedEndDate('2024-01-01', 50)) + 1).toBe(3654);
    // 1 827 / 0.6 = 3 045 days exactly.
    expect(daysBetween('2024-01-01', plannedEndDate('2024-01-01', 60)) + 1).toBe(3045);
    // 1 827 / 0.7 = 2 610 days exactly; 1 827 / 0.33 = 5 536.36… → 5 537.
    expect(daysBetween('2024-01-01', plannedEndDate('2024-01-01', 70)) + 1).toBe(2610);
    expect(daysBetween('2024-01-01', plannedEndDate('2024-01-01', 33)) + 1).toBe(5537);
  });

  it('pushes the end by every absence day', () => {
    expect(plannedEndDate('2024-01-01', 100, [{ from: '2025-01-01', to: '2025-01-10' }])).toBe('2029-01-10');
    expect(
      plannedEndDate('2024-01-01', 100, [
        { from: '2026-06-01', to: '2026-06-30' },
        { from: '2025-01-01', to: '2025-01-10' },
      ]),
    ).toBe('2029-02-09');
  });

  it('counts an absence overlapping the start only from the start', () => {
    expect(plannedEndDate('2024-01-01', 100, [{ from: '2023-12-20', to: '2024-01-05' }])).toBe('2029-01-05');
    expect(plannedEndDate('2024-01-01', 100, [{ from: '2023-01-01', to: '2023-12-31' }])).toBe('2028-12-31');
  });

  it('ignores absences after the end, but counts one the extension reaches', () => {
    expect(plannedEndDate('2024-01-01', 100, [{ from: '2029-06-01', to: '2029-06-30' }])).toBe('2028-12-31');
    // The first absence moves the end to 2029-01-31, which brings the second into the period.
    expect(
      plannedEndDate('2024-01-01', 100, [
        { from: '2025-01-01', to: '2025-01-31' },
        { from: '2029-01-15', to: '2029-01-20' },
      ]),
    ).toBe('2029-02-06');
  });

  it('counts overlapping absence periods once', () => {
    expect(
      plannedEndDate('2024-01-01', 100, [
        { from: '2025-01-01', to: '2025-01-10' },
        { from: '2025-01-05', to: '2025-01-12' },
      ]),
    ).toBe('2029-01-12');
  });

  it('combines part time and absence', () => {
    const base = plannedEndDate('2024-01-01', 80);
    expect(plannedEndDate('2024-01-01', 80, [{ from: '2024-03-01', to: '2024-03-31' }])).toBe(
      new Date(Date.parse(`${base}T00:00:00Z`) + 31 * 86_400_000).toISOString().slice(0, 10),
    );
  });

  it('refuses impossible percentages', () => {
    expect(() => plannedEndDate('2024-01-01', 0)).toThrow(RangeError);
    expect(() => plannedEndDate('2024-01-01', 120)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
  });
});

describe('plannedEndDate with a share that changes over time', () => {
  it('is the same as a single share when the history holds one', () => {
    expect(plannedEndDate('2024-01-01', [{ from: '2024-01-01', percent: 60 }])).toBe(plannedEndDate('2024-01-01', 60));
  });

  it('counts each day at the share it had, rounding up once at the end', () => {
    // One year at 100 % (366 days, 2024 is a leap year), then 50 %: the remaining 1 461 days take 2 922.
    const end = plannedEndDate('2024-01-01', [
      { from: '2024-01-01', percent: 100 },
      { from: '2025-01-01', percent: 50 },
    ]);
    expect(daysBetween('2025-01-01', end) + 1).toBe(2922);
    // Not the whole period at 50 % (which would end on 2034-01-01), nor at 100 % (2028-12-31).
    expect(end).toBe('2032-12-31');
    // 1 827 days: 10 at 100 %, then 33 %: (1 817 × 100 / 33 = 5 506.06…) → 5 507 days, rounded once.
    const rounded = plannedEndDate('2024-01-01', [
      { from: '2024-01-01', percent: 100 },
      { from: '2024-01-11', percent: 33 },
    ]);
    expect(daysBetween('2024-01-11', rounded) + 1).toBe(5507);
  });

  it('pushes the end by absences at whatever share holds then', () => {
    const shares = [
      { from: '2024-01-01', percent: 100 },
      { from: '2025-01-01', percent: 50 },
    ];
    expect(plannedEndDate('2024-01-01', shares, [{ from: '2025-03-01', to: '2025-03-10' }])).toBe(addDays(plannedEndDate('2024-01-01', shares), 10));
  });

  it('refuses a history that does not start by the start date', () => {
    expect(() => plannedEndDate('2024-01-01', [{ from: '2024-02-01', percent: 100 }])).toThrow(RangeError);
    expect(() => plannedEndDate('2024-01-01', [{ from: '2024-01-01', percent: 0 }])).toThrow(RangeError);
  });
});
