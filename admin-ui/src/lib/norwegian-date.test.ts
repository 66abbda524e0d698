import { describe, expect, it } from 'vitest';
import { norwegianDateText, parseNorwegianDate } from './norwegian-date';

describe('Norwegian dates', () => {
  it('reads dd.mm.åååå and the ways people shorten it, into YYYY-MM-DD', () => {
    expect(parseNorwegianDate('15.11.2026')).toBe('2026-11-15');
    expect(parseNorwegianDate('1.3.2024')).toBe('2024-03-01');
    expect(parseNorwegianDate(' 01.03.24 ')).toBe('2024-03-01');
    expect(parseNorwegianDate('01032024')).toBe('2024-03-01');
    expect(parseNorwegianDate('2024-03-01')).toBe('2024-03-01');
  });

  it('refuses what is not a real day', () => {
    for (const text of ['31.02.2024', '32.01.2024', '15.13.2024', '15.11', 'i går', '']) expect(parseNorwegianDate(text)).toBeNull();
    expect(parseNorwegianDate('29.02.2024')).toBe('2024-02-29');
    expect(parseNorwegianDate('29.02.2023')).toBeNull();
  });

  it('writes YYYY-MM-DD as dd.mm.åååå and leaves text being typed alone', () => {
    expect(norwegianDateText('2026-11-15')).toBe('15.11.2026');
    expect(norwegianDateText('15.1')).toBe('15.1');
    expect(norwegianDateText('')).toBe('');
  });
});
