import { fieldIssue, grantProblemCodes } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { fieldErrorText } from './field-error-text';
import { grantProblemText } from './grant-problem-text';

describe('grant problem text', () => {
  it('words every problem the contract knows, each differently', () => {
    const texts = grantProblemCodes.map((code) => grantProblemText(code, {}));
    expect(new Set(texts).size).toBe(grantProblemCodes.length);
    for (const text of texts) expect(text).not.toMatch(/undefined/);
  });

  it('says the facts from the params, as numbers are written in Norway', () => {
    expect(grantProblemText('months_exceed_agreement', { months: 13, claimable: 9 })).toBe(
      'Avtalens linjer krever 13 måneder, men avtalen kan bare regnes for 9 hele måneder i perioden.',
    );
    expect(grantProblemText('full_time_months_exceeded', { fullTimeMonths: 14.4, availableMonths: 12, kommunenummer: '1818', applicationId: 'x' })).toBe(
      'Legen er ført opp med 14,4 månedsverk i ordningen, mer enn periodens 12 måneder (også i søknaden fra kommune 1818).',
    );
    expect(grantProblemText('doctor_claimed_twice', { otherLine: 0 })).toBe('Legen er allerede ført opp på linje 1.');
    expect(grantProblemText('agreement_other_municipality', { kommunenummer: '1804' })).toBe('Avtalen hører til en annen kommune (1804).');
  });

  it('is how a refused submission\'s errors are worded', () => {
    const entry = fieldIssue({ path: 'lines.0.months', code: 'not_eligible', message: 'x', params: { problem: 'months_out_of_range', months: 13 } });
    expect(fieldErrorText(entry)).toBe('13 måneder er utenfor 1–12.');
  });
});
