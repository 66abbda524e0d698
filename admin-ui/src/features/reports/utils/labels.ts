import { type ComplianceKind, type RegistrationStatus, registrationStatuses } from '@alis/shared';

export const REGISTRATION_STATUS_ORDER: readonly RegistrationStatus[] = registrationStatuses;

/** Registration statuses as the dashboard names them. */
export const STATUS_LABELS: Record<RegistrationStatus, string> = {
  not_registered: 'Ikke registrert',
  preparing: 'Under forberedelse',
  applied: 'Søkt',
  registered: 'Registrert',
  rejected: 'Avslått',
  deregistered: 'Avregistrert',
};

export const COMPLIANCE_LABELS: Record<ComplianceKind, string> = {
  agreement_in_unregistered_municipality: 'Aktiv avtale i kommune som ikke er registrert',
  agreement_without_veileder: 'Uten veileder i mer enn 30 dager',
  veileder_not_qualified: 'Veileder ikke kvalifisert',
  veileder_over_capacity: 'Veileder over kapasitet',
  certificate_overdue: 'Revisorattest forfalt',
  agreement_ending_soon: 'Avtale slutter innen 6 måneder',
};
