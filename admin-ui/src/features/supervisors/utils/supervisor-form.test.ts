import { describe, expect, it } from 'vitest';
import { qualifiedSupervisor } from '../../../test/fixtures';
import {
  changedSupervisorFields,
  emptySupervisorForm,
  qualificationPreview,
  toSupervisorFormValues,
  validateNewSupervisor,
  validateSupervisorChanges,
} from './supervisor-form';

describe('supervisor form', () => {
  it('tells whether the person may be veileder on the day', () => {
    expect(qualificationPreview({ specialistInGeneralPractice: true, exemptionUntil: '' }, '2025-01-01')).toBe(
      'Kan være veileder: spesialist i allmennmedisin.',
    );
    expect(qualificationPreview({ specialistInGeneralPractice: false, exemptionUntil: '2025-06-30' }, '2025-01-01')).toBe(
      'Kan være veileder: har fritak fra Helsedirektoratet.',
    );
    expect(qualificationPreview({ specialistInGeneralPractice: false, exemptionUntil: '2024-12-31' }, '2025-01-01')).toMatch(/fritaket er utløpt/);
    expect(qualificationPreview({ specialistInGeneralPractice: false, exemptionUntil: '' }, '2025-01-01')).toMatch(/^Kan ikke være veileder/);
  });

  it('leaves out an empty capacity so the API uses its default, and checks a given one', () => {
    const base = { ...emptySupervisorForm(), hprNumber: '7654321', name: 'Vera' };
    const result = validateNewSupervisor(base);
    expect(result.ok && 'capacity' in result.data).toBe(false);
    expect(validateNewSupervisor({ ...base, capacity: '0' })).toMatchObject({
      ok: false,
      fieldErrors: { capacity: 'Kapasiteten må være et helt tall fra 1 til 50' },
    });
  });

  it('sends only what changed', () => {
    const values = { ...toSupervisorFormValues(qualifiedSupervisor), capacity: '4', courseCompletedOn: '2024-10-01' };
    const changes = changedSupervisorFields(values, qualifiedSupervisor);
    expect(changes).toEqual({ capacity: 4, courseCompletedOn: '2024-10-01' });
    expect(validateSupervisorChanges(changes)).toEqual({ ok: true, data: { capacity: 4, courseCompletedOn: '2024-10-01' } });
  });
});
