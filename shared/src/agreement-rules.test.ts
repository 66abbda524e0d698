import { describe, expect, it } from 'vitest';
import { type WarningFacts, agreementWarnings, qualifiedAsVeileder } from './agreement-rules.js';

const veileder = { name: 'Lege Veileder', qualified: true, activeVeilederCount: 2, capacity: 4 };
const base: WarningFacts = {
  status: 'active',
  startDate: '2025-01-01',
  plannedEndDate: '2029-12-31',
  viaStaffingAgency: false,
  municipalityRegisteredAtStart: true,
  veileder,
  today: '2026-11-23',
};
const codes = (facts: Partial<WarningFacts>) => agreementWarnings({ ...base, ...facts }).map((w) => w.code);

describe('agreementWarnings', () => {
  it('has none for a compliant agreement', () => {
    expect(codes({})).toEqual([]);
  });

  it('names each problem with its stable code', () => {
    expect(codes({ municipalityRegisteredAtStart: false })).toEqual(['municipality_not_registered']);
    expect(codes({ veileder: null })).toEqual(['no_active_veileder']);
    expect(codes({ veileder: { ...veileder, qualified: false } })).toEqual(['veileder_not_qualified']);
    expect(codes({ veileder: { ...veileder, activeVeilederCount: 5 } })).toEqual(['veileder_over_capacity']);
    expect(codes({ viaStaffingAgency: true })).toEqual(['via_staffing_agency']);
  });

  it('warns six months ahead of the end, not earlier', () => {
    expect(codes({ plannedEndDate: '2027-05-23' })).toEqual(['ends_within_6_months']);
    expect(codes({ plannedEndDate: '2027-05-24' })).toEqual([]);
  });

  it('does not ask a draft for a veileder yet, and gives closed agreements no warnings', () => {
    expect(codes({ status: 'draft', veileder: null })).toEqual([]);
    expect(codes({ status: 'completed', viaStaffingAgency: true })).toEqual([]);
  });
});

describe('qualifiedAsVeileder', () => {
  it('accepts a specialist or a valid exemption on the date', () => {
    expect(qualifiedAsVeileder({ specialistInGeneralPractice: true, exemptionUntil: null }, '2026-01-01')).toBe(true);
    expect(qualifiedAsVeileder({ specialistInGeneralPractice: false, exemptionUntil: '2026-01-01' }, '2026-01-01')).toBe(true);
    expect(qualifiedAsVeileder({ specialistInGeneralPractice: false, exemptionUntil: '2025-12-31' }, '2026-01-01')).toBe(false);
    expect(qualifiedAsVeileder({ specialistInGeneralPractice: false, exemptionUntil: null }, '2026-01-01')).toBe(false);
  });
});
