import { describe, expect, it } from 'vitest';
import { formatCount, monthlyDays } from './report-values';

describe('formatCount', () => {
  it('shows a suppressed count as ":" and others in Norwegian', () => {
    expect(formatCount({ value: null, suppressed: true })).toBe(':');
    expect(formatCount({ value: 1234, suppressed: false })).toBe('1\u00a0234');
    expect(formatCount(0)).toBe('0');
  });
});

describe('monthlyDays', () => {
  it('gives the first of each earlier month and the day itself, across a new year', () => {
    expect(monthlyDays('2026-02-15', 4)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-15']);
  });
});
