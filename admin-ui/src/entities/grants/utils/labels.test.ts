import { describe, expect, it } from 'vitest';
import { amountExplanation } from './labels';

const nb = (value: number) => new Intl.NumberFormat('nb-NO').format(value);

describe('amountExplanation', () => {
  it('says the rate, the share and the months of a line', () => {
    expect(amountExplanation({ annualRateNok: 412_000, positionPercent: 80, months: 9 })).toBe(`sats ${nb(412_000)} kr × 80 % × 9/12`);
  });

  it('says why a line has no amount', () => {
    expect(amountExplanation({ annualRateNok: null, positionPercent: 100, months: 12 })).toBe('ingen sats uten sentralitetsklasse');
  });
});
