import { addMonths } from './dates.js';

export const agreementStatuses = ['draft', 'active', 'completed', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const AGREEMENT_TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['active'],
  active: ['completed', 'terminated'],
  completed: [],
  terminated: [],
};

/** Draft and active agreements are open: one per doctor and municipality at a time. */
export const OPEN_AGREEMENT_STATUSES: readonly AgreementStatus[] = ['draft', 'active'];

export const endReasons = ['left_position', 'no_grant', 'completed_training', 'other'] as const;
export type EndReason = (typeof endReasons)[number];

export const employmentForms = ['salaried', 'self_employed'] as const;
export const positions = ['gp', 'gp_locum', 'introduction', 'other'] as const;
export const absenceKinds = ['leave', 'institution_service', 'other'] as const;
export const supervisionRoles = ['veileder', 'supervisor', 'group_leader'] as const;
export type SupervisionRole = (typeof supervisionRoles)[number];

/** Stable codes of the compliance warnings computed on every read of an agreement. */
export const agreementWarningCodes = [
  'municipality_not_registered',
  'no_active_veileder',
  'veileder_not_qualified',
  'veileder_over_capacity',
  'ends_within_6_months',
  'via_staffing_agency',
] as const;
export type AgreementWarningCode = (typeof agreementWarningCodes)[number];

export interface AgreementWarning {
  code: AgreementWarningCode;
  message: string;
}

export interface VeilederFacts {
  name: string;
  qualified: boolean;
  activeVeilederCount: number;
  capacity: number;
}

export interface WarningFacts {
  status: AgreementStatus;
  startDate: string;
  plannedEndDate: string;
  viaStaffingAgency: boolean;
  /** The municipality's registration counted (applied or registered) on the start date. */
  municipalityRegisteredAtStart: boolean;
  /** The current veileder, if any. */
  veileder: VeilederFacts | null;
  today: string;
}

/** Compliance warnings for an agreement; closed agreements have none. */
export function agreementWarnings(facts: WarningFacts): AgreementWarning[] {
  if (!OPEN_AGREEMENT_STATUSES.includes(facts.status)) return [];
  const warnings: AgreementWarning[] = [];
  if (!facts.municipalityRegisteredAtStart) {
    warnings.push({
      code: 'municipality_not_registered',
      message: 'The municipality had not applied for or received registration as an education enterprise on the start date; service does not count until it has.',
    });
  }
  if (facts.status === 'active' && !facts.veileder) {
    warnings.push({ code: 'no_active_veileder', message: 'The ALIS has no active veileder.' });
  }
  if (facts.veileder && !facts.veileder.qualified) {
    warnings.push({
      code: 'veileder_not_qualified',
      message: `The veileder ${facts.veileder.name} is not a specialist in general practice and has no valid exemption.`,
    });
  }
  if (facts.veileder && facts.veileder.activeVeilederCount > facts.veileder.capacity) {
    warnings.push({
      code: 'veileder_over_capacity',
      message: `The veileder ${facts.veileder.name} supervises ${facts.veileder.activeVeilederCount} ALIS, above the capacity of ${facts.veileder.capacity}.`,
    });
  }
  if (facts.status === 'active' && facts.plannedEndDate <= addMonths(facts.today, 6)) {
    warnings.push({ code: 'ends_within_6_months', message: `The agreement ends on ${facts.plannedEndDate}, within six months.` });
  }
  if (facts.viaStaffingAgency) {
    warnings.push({ code: 'via_staffing_agency', message: 'The doctor is employed through a staffing agency, which is not eligible for the grant.' });
  }
  return warnings;
}

export interface SupervisorQualification {
  specialistInGeneralPractice: boolean;
  exemptionUntil: string | null;
}

/** A veileder must be a specialist, or hold Helsedirektoratet's exemption on the given date. */
export function qualifiedAsVeileder(supervisor: SupervisorQualification, onDate: string): boolean {
  return supervisor.specialistInGeneralPractice || (supervisor.exemptionUntil !== null && supervisor.exemptionUntil >= onDate);
}
