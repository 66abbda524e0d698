import type { GrantApplication } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { grantApplicationFixture } from '../../../test/grant-fixtures';
import { changedLines, previewAmount, toLinesFormValues, validateLines } from './lines-form';

const application: GrantApplication = grantApplicationFixture();

describe('the lines form', () => {
  it('changes nothing while the lines are as saved', () => {
    expect(changedLines(toLinesFormValues(application), application)).toEqual({});
  });

  it('sends every line when one changes, and the notes when they change', () => {
    const values = toLinesFormValues(application);
    const [first] = values.lines;
    if (!first) throw new Error('the fixture has lines');
    const changes = changedLines({ ...values, lines: [{ ...first, months: '6' }, ...values.lines.slice(1)], notes: 'Rettet' }, application);
    expect(changes).toEqual({
      lines: [{ agreementId: first.agreementId, doctorId: first.doctorId, lineType: 'gp', positionPercent: 80, months: 6 }, expect.objectContaining({ lineType: 'guidance_only' })],
      notes: 'Rettet',
    });
    expect(validateLines(changes).ok).toBe(true);
    // A removed line is a change too.
    expect(changedLines({ ...values, lines: values.lines.slice(1) }, application).lines).toHaveLength(1);
  });

  it('words what the shared schema refuses, per line', () => {
    const values = toLinesFormValues(application);
    const [first] = values.lines;
    if (!first) throw new Error('the fixture has lines');
    const result = validateLines(changedLines({ ...values, lines: [{ ...first, months: 'ni' }] }, application));
    expect(result).toEqual({ ok: false, fieldErrors: { lines: 'Linje 1: antall måneder må være et helt tall' }, formErrors: [] });
  });

  it('previews a changed line\'s amount by the shared rule while the rate is known', () => {
    const [first] = toLinesFormValues(application).lines;
    if (!first) throw new Error('the fixture has lines');
    expect(previewAmount({ ...first, months: '6' }, { lineType: 'gp', annualRateNok: 412_000 })).toBe(164_800);
    expect(previewAmount({ ...first, lineType: 'other' }, { lineType: 'gp', annualRateNok: 412_000 })).toBeNull();
    expect(previewAmount(first, undefined)).toBeNull();
  });
});
