import { describe, expect, it } from 'vitest';
import { DEFAULT_EDUCATION_PLAN_RULES, type WarningFacts, agreementWarnings, educationPlanReviewDueOn, qualifiedAsVeileder } from './agreement-rules.js';

const veileder = { name: 'Lege Veileder', qualified: true, activeVeilederCount: 2, capacity: 4 };
const base: WarningFacts = {
  status: 'active',
  startDate: '2025-01-01',
  plannedEndDate: '2029-12-31',
  viaStaffingAgency: false,
  nonCountingPeriods: [],
  veileder,
  overlappingShare: null,
  lis1CompletedOn: '2024-08-31',
  specialistApprovedOn: null,
  educationPlan: { status: 'approved', approvedOn: '2025-03-01', reviewedOn: '2026-03-01' },
  planRules: DEFAULT_EDUCATION_PLAN_RULES,
  today: '2026-11-23',
};
const codes = (facts: Partial<WarningFacts>) => agreementWarnings({ ...base, ...facts }).map((w) => w.code);

describe('agreementWarnings', () => {
  it('has none for a compliant agreement', () => {
    expect(codes({})).toEqual([]);
  });

  it('names each problem with its stable code', () => {
    expect(codes({ nonCountingPeriods: [{ from: '2026-01-10', to: null }] })).toEqual(['municipality_not_registered']);
    expect(codes({ nonCountingPeriods: [{ from: '2025-01-01', to: '2025-02-28' }] })).toEqual(['service_did_not_count']);
    expect(codes({ overlappingShare: 120 })).toEqual(['overlapping_agreements']);
    expect(codes({ lis1CompletedOn: '2025-02-01' })).toEqual(['lis1_not_completed']);
    expect(codes({ specialistApprovedOn: '2024-12-31' })).toEqual(['already_specialist']);
    expect(codes({ specialistApprovedOn: '2025-01-02' })).toEqual([]);
    expect(codes({ veileder: null })).toEqual(['no_active_veileder']);
    expect(codes({ veileder: { ...veileder, qualified: false } })).toEqual(['veileder_not_qualified']);
    expect(codes({ veileder: { ...veileder, activeVeilederCount: 5 } })).toEqual(['veileder_over_capacity']);
    expect(codes({ viaStaffingAgency: true })).toEqual(['via_staffing_agency']);
  });

  it('warns six months ahead of the end, not earlier, and once the planned end has passed', () => {
    expect(codes({ plannedEndDate: '2027-05-23' })).toEqual(['ends_within_6_months']);
    expect(codes({ plannedEndDate: '2027-05-24' })).toEqual([]);
    expect(codes({ plannedEndDate: '2026-11-22' })).toEqual(['past_planned_end']);
    expect(codes({ plannedEndDate: '2026-11-23' })).toEqual(['ends_within_6_months']);
  });

  it('judges an agreement that has not started on its start date', () => {
    // A veileder from the start: nothing to warn about today.
    expect(codes({ status: 'active', startDate: '2027-01-01', plannedEndDate: '2031-12-31' })).toEqual([]);
    // Not registered now, but applied before the start: service will count.
    expect(codes({ startDate: '2027-01-01', plannedEndDate: '2031-12-31', nonCountingPeriods: [] })).toEqual([]);
    expect(codes({ startDate: '2027-01-01', plannedEndDate: '2031-12-31', nonCountingPeriods: [{ from: '2027-01-01', to: null }] })).toEqual([
      'municipality_not_registered',
    ]);
  });

  it('gives the facts the text needs as params', () => {
    const [warning] = agreementWarnings({ ...base, veileder: { ...veileder, activeVeilederCount: 5 } });
    expect(warning).toEqual({ code: 'veileder_over_capacity', message: expect.any(String), params: { name: 'Lege Veileder', load: 5, capacity: 4 } });
  });

  it('does not ask a draft for a veileder yet, and gives closed agreements no warnings', () => {
    expect(codes({ status: 'draft', veileder: null })).toEqual([]);
    expect(codes({ status: 'completed', viaStaffingAgency: true })).toEqual([]);
    expect(codes({ status: 'cancelled', viaStaffingAgency: true })).toEqual([]);
  });
});

describe('education plan warnings', () => {
  const plan = (educationPlan: WarningFacts['educationPlan'], facts: Partial<WarningFacts> = {}) => codes({ educationPlan, ...facts });
  it('wants an approved plan once the configured months after the start have passed', () => {
    const missing = { status: 'missing', approvedOn: null, reviewedOn: null } as const;
    // Start 2026-08-23: due 2026-11-23 (three months); the warning shows from the day after.
    expect(plan(missing, { startDate: '2026-08-23' })).toEqual([]);
    expect(plan(missing, { startDate: '2026-08-22' })).toEqual(['no_education_plan']);
    expect(plan({ status: 'draft', approvedOn: null, reviewedOn: null }, { startDate: '2026-08-22' })).toEqual(['no_education_plan']);
    // Configurable: six months.
    expect(plan(missing, { startDate: '2026-08-22', planRules: { dueMonths: 6, reviewMonths: 12 } })).toEqual([]);
    // Only active agreements: a draft has not run.
    expect(plan(missing, { status: 'draft', startDate: '2026-01-01' })).not.toContain('no_education_plan');
    const warning = agreementWarnings({ ...base, educationPlan: missing, startDate: '2026-01-01' }).find((w) => w.code === 'no_education_plan');
    expect(warning?.params).toEqual({ dueOn: '2026-04-01', months: 3, status: 'missing' });
  });

  it('wants a review when the last one (or the approval) is more than twelve months old', () => {
    expect(plan({ status: 'approved', approvedOn: '2025-11-23', reviewedOn: null })).toEqual([]);
    expect(plan({ status: 'approved', approvedOn: '2025-11-22', reviewedOn: null })).toEqual(['education_plan_review_due']);
    expect(plan({ status: 'approved', approvedOn: '2024-01-01', reviewedOn: '2026-01-01' })).toEqual([]);
    expect(plan({ status: 'approved', approvedOn: '2024-01-01', reviewedOn: '2026-01-01' }, { planRules: { dueMonths: 3, reviewMonths: 6 } })).toEqual([
      'education_plan_review_due',
    ]);
    expect(educationPlanReviewDueOn({ status: 'draft', approvedOn: null, reviewedOn: '2020-01-01' }, DEFAULT_EDUCATION_PLAN_RULES)).toBeNull();
  });
});

describe('qualifiedAsVeileder', () => {
  const none = { specialistInGeneralPractice: false, specialistApprovedOn: null, exemptionFrom: null, exemptionUntil: null };
  it('accepts a specialist approved on or before the day, or one whose approval date is not known', () => {
    expect(qualifiedAsVeileder({ ...none, specialistInGeneralPractice: true }, '2026-01-01')).toBe(true);
    expect(qualifiedAsVeileder({ ...none, specialistInGeneralPractice: true, specialistApprovedOn: '2026-01-01' }, '2026-01-01')).toBe(true);
    expect(qualifiedAsVeileder({ ...none, specialistInGeneralPractice: true, specialistApprovedOn: '2026-06-01' }, '2026-01-01')).toBe(false);
  });

  it('accepts an exemption whose period covers the day', () => {
    expect(qualifiedAsVeileder({ ...none, exemptionUntil: '2026-01-01' }, '2026-01-01')).toBe(true);
    expect(qualifiedAsVeileder({ ...none, exemptionFrom: '2025-06-01', exemptionUntil: '2026-06-01' }, '2026-01-01')).toBe(true);
    expect(qualifiedAsVeileder({ ...none, exemptionFrom: '2026-02-01', exemptionUntil: '2026-06-01' }, '2026-01-01')).toBe(false);
    expect(qualifiedAsVeileder({ ...none, exemptionUntil: '2025-12-31' }, '2026-01-01')).toBe(false);
    expect(qualifiedAsVeileder(none, '2026-01-01')).toBe(false);
  });
});
