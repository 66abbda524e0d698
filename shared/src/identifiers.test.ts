import { describe, expect, it } from 'vitest';
import {
  canonicalHprNumber,
  isKommunenummerFormat,
  isValidOrganisationNumber,
  normaliseOrganisationNumber,
} from './identifiers.js';

/** The MOD11 remainder of the first eight digits, as Brønnøysundregistrene computes it. */
const remainderOf = (firstEight: string) =>
  [3, 2, 7, 6, 5, 4, 3, 2].reduce((sum, weight, i) => sum + weight * Number(firstEight[i]), 0) % 11;

describe('isValidOrganisationNumber', () => {
  it.each(['889640782', '983887457', '974760673'])('accepts the real organisation number %s', (value) => {
    expect(isValidOrganisationNumber(value)).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidOrganisationNumber('123456789')).toBe(false);
    // One digit off from a valid number.
    expect(isValidOrganisationNumber('974760674')).toBe(false);
    expect(isValidOrganisationNumber('889640781')).toBe(false);
  });

  it('rejects the wrong length, letters and separators', () => {
    for (const value of ['', '97476067', '9747606733', '97476067a', 'abcdefghi', '974 760 673', '974-760-673', ' 974760673']) {
      expect(isValidOrganisationNumber(value), value).toBe(false);
    }
  });

  it('rejects every number whose computed check digit would be 10', () => {
    const prefix = '91000008';
    expect(remainderOf(prefix)).toBe(1); // 11 - 1 = 10: no digit can be the check digit
    for (let digit = 0; digit <= 9; digit += 1) {
      expect(isValidOrganisationNumber(`${prefix}${digit}`), `${prefix}${digit}`).toBe(false);
    }
  });

  it('uses 0 as the check digit when the remainder is 0', () => {
    const prefix = '91000002';
    expect(remainderOf(prefix)).toBe(0);
    expect(isValidOrganisationNumber(`${prefix}0`)).toBe(true);
    expect(isValidOrganisationNumber(`${prefix}1`)).toBe(false);
  });
});

describe('normaliseOrganisationNumber', () => {
  it('removes the spaces people type, and nothing else', () => {
    expect(normaliseOrganisationNumber('974 760 673')).toBe('974760673');
    expect(normaliseOrganisationNumber(' 974\u00a0760\t673 ')).toBe('974760673');
    expect(normaliseOrganisationNumber('974-760-673')).toBe('974-760-673');
    expect(isValidOrganisationNumber(normaliseOrganisationNumber('889 640 782'))).toBe(true);
  });
});

describe('canonicalHprNumber', () => {
  it('strips leading zeros so one person has one number', () => {
    expect(canonicalHprNumber('0012345678')).toBe('12345678');
    expect(canonicalHprNumber('012345678')).toBe('12345678');
    expect(canonicalHprNumber('12345678')).toBe('12345678');
  });

  it('accepts 7 to 9 significant digits', () => {
    expect(canonicalHprNumber('1234567')).toBe('1234567');
    expect(canonicalHprNumber('123456789')).toBe('123456789');
    expect(canonicalHprNumber(' 1234567 ')).toBe('1234567');
  });

  it('rejects 6 and 10 significant digits, even with zeros in front', () => {
    expect(canonicalHprNumber('123456')).toBeNull();
    expect(canonicalHprNumber('000123456')).toBeNull();
    expect(canonicalHprNumber('1234567890')).toBeNull();
    expect(canonicalHprNumber('0000000')).toBeNull();
  });

  it('rejects anything but digits', () => {
    for (const value of ['', '   ', '12a4567', '123-4567', '+1234567', '1234567.0', '1 234 567', '١٢٣٤٥٦٧']) {
      expect(canonicalHprNumber(value), value).toBeNull();
    }
  });
});

describe('isKommunenummerFormat', () => {
  it('is four digits', () => {
    expect(isKommunenummerFormat('0301')).toBe(true);
    expect(isKommunenummerFormat('5001')).toBe(true);
    expect(isKommunenummerFormat('301')).toBe(false);
    expect(isKommunenummerFormat('03010')).toBe(false);
    expect(isKommunenummerFormat('03a1')).toBe(false);
  });
});
