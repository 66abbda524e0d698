import { describe, expect, it } from 'vitest';
import { isoWeekOf } from './dates.js';

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
