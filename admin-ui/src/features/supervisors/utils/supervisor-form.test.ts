import { describe, expect, it } from 'vitest';
import { qualifiedSupervisor } from '../../../test/fixtures';
import {
  changedSupervisorFields,
  emptySupervisorForm,
  needsApprovalDate,
  qualificationPreview,
  toSupervisorFormValues,
  validateNewSupervisor,
  validateSupervisorChanges,
} from './supervisor-form';

const noDates = { specialistApprovedOn: '', exemptionFrom: '', exemptionUntil: '' };

describe('supervisor form', () => {
  it('tells whether the person may be veileder on the day', () => {
    expect(qualificationPreview({ ...noDates, specialistInGeneralPractice: true, specialistApprovedOn: '2010-01-01' }, '2025-01-01')).toBe(
      'Kan være veileder: spesialist i allmennmedisin.',
    );
    expect(qualificationPreview({ ...noDates, specialistInGeneralPractice: false, exemptionUntil: '2025-06-30' }, '2025-01-01')).toBe(
      'Kan være veileder: har fritak fra Helsedirektoratet.',
    );
    expect(qualificationPreview({ ...noDates, specialistInGeneralPractice: false, exemptionUntil: '2024-12-31' }, '2025-01-01')).toMatch(/fritaket er utløpt/);
    expect(qualificationPreview({ ...noDates, specialistInGeneralPractice: false, exemptionUntil: '' }, '2025-01-01')).toMatch(/^Kan ikke være veileder/);
    // Over time: an approval or an exemption that has not begun does not qualify yet; an unknown approval date is asked for.
    expect(qualificationPreview({ ...noDates, specialistInGeneralPractice: true, specialistApprovedOn: '2026-06-01' }, '2025-01-01')).toBe(
      'Kan være veileder fra spesialistgodkjenningen 01.06.2026. Kan være supervisør.',
    );
    expect(
      qualificationPreview({ ...noDates, specialistInGeneralPractice: false, exemptionFrom: '2025-03-01', exemptionUntil: '2026-03-01' }, '2025-01-01'),
    ).toBe('Kan være veileder fra fritaket gjelder 01.03.2025. Kan være supervisør.');
    expect(qualificationPreview({ ...noDates, specialistInGeneralPractice: true }, '2025-01-01')).toBe(
      'Kan være veileder: spesialist i allmennmedisin. Fyll inn spesialistgodkjent dato.',
    );
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

  it('asks for the approval date only of a specialist who has none', () => {
    expect(needsApprovalDate({ specialistInGeneralPractice: true, specialistApprovedOn: null })).toBe(true);
    expect(needsApprovalDate({ specialistInGeneralPractice: true, specialistApprovedOn: '2015-05-01' })).toBe(false);
    expect(needsApprovalDate({ specialistInGeneralPractice: false, specialistApprovedOn: null })).toBe(false);
  });
});
