import { addMonths } from './dates.js';
import { type DatePeriod, inPeriods } from './service-periods.js';

export const agreementStatuses = ['draft', 'active', 'completed', 'terminated', 'cancelled'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const AGREEMENT_TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  // A draft that is never signed is dropped: cancelled, with a reason.
  draft: ['active', 'cancelled'],
  active: ['completed', 'terminated'],
  completed: [],
  terminated: [],
  cancelled: [],
};

/** Draft and active agreements are open: one per doctor and municipality at a time. */
export const OPEN_AGREEMENT_STATUSES: readonly AgreementStatus[] = ['draft', 'active'];
/** An active agreement is closed as completed or terminated, on its end date, with an end reason. */
export const CLOSING_STATUSES: readonly AgreementStatus[] = ['completed', 'terminated'];

export const endReasons = ['left_position', 'no_grant', 'completed_training', 'other'] as const;
export type EndReason = (typeof endReasons)[number];

/** `completed` means the training was completed; every other reason is a termination. */
export const endReasonsFor = (status: AgreementStatus): readonly EndReason[] =>
  status === 'completed' ? ['completed_training'] : status === 'terminated' ? endReasons.filter((reason) => reason !== 'completed_training') : [];

export const employmentForms = ['salaried', 'self_employed'] as const;
export const positions = ['gp', 'gp_locum', 'introduction', 'other'] as const;
export const absenceKinds = ['leave', 'institution_service', 'other'] as const;
export const supervisionRoles = ['veileder', 'supervisor', 'group_leader'] as const;
export type SupervisionRole = (typeof supervisionRoles)[number];

/** Stable codes of the compliance warnings computed on every read of an agreement. */
export const agreementWarningCodes = [
  'municipality_not_registered',
  'service_did_not_count',
  'no_active_veileder',
  'veileder_not_qualified',
  'veileder_over_capacity',
  'ends_within_6_months',
  'past_planned_end',
  'overlapping_agreements',
  'lis1_not_completed',
  'already_specialist',
  'via_staffing_agency',
  'no_education_plan',
  'education_plan_review_due',
] as const;
export type AgreementWarningCode = (typeof agreementWarningCodes)[number];

/** A warning's code, an English message, and the facts a client needs to say it in its own words. */
export interface AgreementWarning {
  code: AgreementWarningCode;
  message: string;
  params: Record<string, string | number>;
}

export interface VeilederFacts {
  name: string;
  qualified: boolean;
  activeVeilederCount: number;
  capacity: number;
}

export const educationPlanStatuses = ['missing', 'draft', 'approved'] as const;
export type EducationPlanStatus = (typeof educationPlanStatuses)[number];

/** The individual education plan's state: the document stays in the municipality's archive. */
export interface EducationPlanFacts {
  status: EducationPlanStatus;
  approvedOn: string | null;
  reviewedOn: string | null;
}

/** How long after the start a plan must be approved, and how often it is reviewed (configurable). */
export interface EducationPlanRules {
  dueMonths: number;
  reviewMonths: number;
}
export const DEFAULT_EDUCATION_PLAN_RULES: EducationPlanRules = { dueMonths: 3, reviewMonths: 12 };

/** The day an approved plan is due by: `dueMonths` after the start. */
export const educationPlanDueOn = (startDate: string, rules: EducationPlanRules) => addMonths(startDate, rules.dueMonths);

/** The day an approved plan is next due for review: `reviewMonths` after its last review (or its approval); null without one. */
export function educationPlanReviewDueOn(plan: EducationPlanFacts, rules: EducationPlanRules): string | null {
  if (plan.status !== 'approved') return null;
  const last = plan.reviewedOn !== null && (plan.approvedOn === null || plan.reviewedOn > plan.approvedOn) ? plan.reviewedOn : plan.approvedOn;
  return last === null ? null : addMonths(last, rules.reviewMonths);
}

export interface WarningFacts {
  status: AgreementStatus;
  startDate: string;
  plannedEndDate: string;
  viaStaffingAgency: boolean;
  /** When the agreement's service did not count: the municipality had neither applied nor been registered. */
  nonCountingPeriods: readonly DatePeriod[];
  /** The veileder on the day the warnings are judged on, if any. */
  veileder: VeilederFacts | null;
  /** The summed share of this and the doctor's other open agreements that run at the same time, when above 100. */
  overlappingShare: number | null;
  lis1CompletedOn: string | null;
  specialistApprovedOn: string | null;
  educationPlan: EducationPlanFacts;
  planRules: EducationPlanRules;
  today: string;
}

/**
 * The day an agreement's warnings are judged on: today, or the start of an agreement that has not
 * started yet (whether it will have a veileder from its start is what matters then).
 */
export const warningDay = (startDate: string, today: string) => (startDate > today ? startDate : today);

/** Compliance warnings for an agreement; closed agreements have none. */
export function agreementWarnings(facts: WarningFacts): AgreementWarning[] {
  if (!OPEN_AGREEMENT_STATUSES.includes(facts.status)) return [];
  const day = warningDay(facts.startDate, facts.today);
  const warnings: AgreementWarning[] = [];
  const current = facts.nonCountingPeriods.find((period) => inPeriods(day, [period]));
  if (current) {
    warnings.push({
      code: 'municipality_not_registered',
      message: `The municipality has neither applied for nor received registration as an education enterprise (since ${current.from}); service does not count until it has.`,
      params: { since: current.from },
    });
  }
  const past = facts.nonCountingPeriods.filter((period) => period.to !== null && period.to < day);
  if (past.length > 0) {
    warnings.push({
      code: 'service_did_not_count',
      message: `Service did not count in ${past.map((period) => `${period.from} – ${period.to ?? ''}`).join(', ')}: the municipality had neither applied nor been registered.`,
      params: { from: past[0]?.from ?? '', to: past[0]?.to ?? '', periods: past.length },
    });
  }
  if (facts.status === 'active' && !facts.veileder) {
    warnings.push({ code: 'no_active_veileder', message: 'The ALIS has no active veileder.', params: { date: day } });
  }
  if (facts.veileder && !facts.veileder.qualified) {
    warnings.push({
      code: 'veileder_not_qualified',
      message: `The veileder ${facts.veileder.name} is not a specialist in general practice and has no valid exemption on ${day}.`,
      params: { name: facts.veileder.name, date: day },
    });
  }
  if (facts.veileder && facts.veileder.activeVeilederCount > facts.veileder.capacity) {
    warnings.push({
      code: 'veileder_over_capacity',
      message: `The veileder ${facts.veileder.name} supervises ${facts.veileder.activeVeilederCount} ALIS, above the capacity of ${facts.veileder.capacity}.`,
      params: { name: facts.veileder.name, load: facts.veileder.activeVeilederCount, capacity: facts.veileder.capacity },
    });
  }
  if (facts.status === 'active' && facts.plannedEndDate < day) {
    warnings.push({
      code: 'past_planned_end',
      message: `The planned end date ${facts.plannedEndDate} has passed; complete or terminate the agreement.`,
      params: { plannedEndDate: facts.plannedEndDate },
    });
  } else if (facts.status === 'active' && facts.plannedEndDate <= addMonths(day, 6)) {
    warnings.push({
      code: 'ends_within_6_months',
      message: `The agreement ends on ${facts.plannedEndDate}, within six months.`,
      params: { plannedEndDate: facts.plannedEndDate },
    });
  }
  if (facts.overlappingShare !== null) {
    warnings.push({
      code: 'overlapping_agreements',
      message: `The doctor's open agreements at the same time add up to ${facts.overlappingShare} % of a full position.`,
      params: { percent: facts.overlappingShare },
    });
  }
  if (facts.lis1CompletedOn !== null && facts.startDate < facts.lis1CompletedOn) {
    warnings.push({
      code: 'lis1_not_completed',
      message: `The agreement starts before the doctor completed LIS1 (${facts.lis1CompletedOn}).`,
      params: { lis1CompletedOn: facts.lis1CompletedOn },
    });
  }
  if (facts.specialistApprovedOn !== null && facts.specialistApprovedOn <= facts.startDate) {
    warnings.push({
      code: 'already_specialist',
      message: `The doctor was approved as a specialist in general practice (${facts.specialistApprovedOn}) before the agreement started.`,
      params: { specialistApprovedOn: facts.specialistApprovedOn },
    });
  }
  if (facts.viaStaffingAgency) {
    warnings.push({
      code: 'via_staffing_agency',
      message: 'The doctor is employed through a staffing agency, which is not eligible for the grant.',
      params: {},
    });
  }
  if (facts.status === 'active' && facts.educationPlan.status !== 'approved') {
    const dueOn = educationPlanDueOn(facts.startDate, facts.planRules);
    if (dueOn < day) {
      warnings.push({
        code: 'no_education_plan',
        message: `The individual education plan is not approved; it was due ${dueOn}, ${facts.planRules.dueMonths} months after the start.`,
        params: { dueOn, months: facts.planRules.dueMonths, status: facts.educationPlan.status },
      });
    }
  }
  const reviewDueOn = facts.status === 'active' ? educationPlanReviewDueOn(facts.educationPlan, facts.planRules) : null;
  if (reviewDueOn !== null && reviewDueOn < day) {
    warnings.push({
      code: 'education_plan_review_due',
      message: `The individual education plan was last reviewed more than ${facts.planRules.reviewMonths} months ago; a review was due ${reviewDueOn}.`,
      params: { dueOn: reviewDueOn, months: facts.planRules.reviewMonths },
    });
  }
  return warnings;
}

export interface SupervisorQualification {
  specialistInGeneralPractice: boolean;
  specialistApprovedOn: string | null;
  exemptionFrom: string | null;
  exemptionUntil: string | null;
}

/**
 * Qualified as veileder on a day: approved as specialist in general practice on or before it (a
 * specialist whose approval date is not known counts as qualified), or holding Helsedirektoratet's
 * exemption (§ 25) for a period that covers it.
 */
export function qualifiedAsVeileder(supervisor: SupervisorQualification, onDate: string): boolean {
  const specialist =
    supervisor.specialistInGeneralPractice && (supervisor.specialistApprovedOn === null || supervisor.specialistApprovedOn <= onDate);
  const exempted =
    supervisor.exemptionUntil !== null &&
    supervisor.exemptionUntil >= onDate &&
    (supervisor.exemptionFrom === null || supervisor.exemptionFrom <= onDate);
  return specialist || exempted;
}

/**
 * The first period (by start) that shares a day with `period`, both ends included: the rule the API
 * holds absences to (one agreement's absences never overlap), so a client can check it before sending.
 */
export function firstOverlap<T extends { from: string; to: string }>(periods: readonly T[], period: { from: string; to: string }): T | undefined {
  return [...periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)).find((other) => other.from <= period.to && other.to >= period.from);
}
