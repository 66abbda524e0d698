import { plannedEndDate } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { activeAgreement } from '../../../test/fixtures';
import { absenceDays, plannedEndWithAbsence, validateAbsence } from './absence-form';

describe('absence form', () => {
  it('moves the planned end date one day per absence day', () => {
    expect(plannedEndWithAbsence(activeAgreement, [], { from: '2025-03-01', to: '2025-03-10' })).toBe('2029-01-10');
    expect(plannedEndWithAbsence(activeAgreement, [{ from: '2025-01-01', to: '2025-01-01' }], { from: '2025-03-01', to: '2025-03-10' })).toBe(
      '2029-01-11',
    );
  });

  it('counts the share as it changed over time', () => {
    const positionHistory = [{ from: '2024-01-01', percent: 100 }, { from: '2025-01-01', percent: 50 }];
    const absence = { from: '2025-03-01', to: '2025-03-10' };
    expect(plannedEndWithAbsence({ ...activeAgreement, positionPercent: 50, positionHistory }, [], absence)).toBe(
      plannedEndDate('2024-01-01', positionHistory, [absence]),
    );
  });

  it('shows no preview until both dates are there and in order', () => {
    expect(plannedEndWithAbsence(activeAgreement, [], { from: '2025-03-01', to: '' })).toBeNull();
    expect(plannedEndWithAbsence(activeAgreement, [], { from: '2025-03-10', to: '2025-03-01' })).toBeNull();
  });

  it('counts both ends of an absence', () => {
    expect(absenceDays({ from: '2025-03-01', to: '2025-03-01' })).toBe(1);
    expect(absenceDays({ from: '2024-02-28', to: '2024-03-01' })).toBe(3);
  });

  it('validates kind and order of the dates in Norwegian', () => {
    expect(validateAbsence({ kind: '', from: '', to: '' })).toMatchObject({
      ok: false,
      fieldErrors: { kind: 'Velg type fravær', from: 'Skriv inn første dag', to: 'Skriv inn siste dag, på eller etter første dag' },
    });
    expect(validateAbsence({ kind: 'leave', from: '2025-03-10', to: '2025-03-01' })).toMatchObject({
      ok: false,
      fieldErrors: { to: 'Skriv inn siste dag, på eller etter første dag' },
    });
    expect(validateAbsence({ kind: 'leave', from: '2025-03-01', to: '2025-03-10' })).toEqual({
      ok: true,
      data: { kind: 'leave', from: '2025-03-01', to: '2025-03-10' },
    });
  });
});
