import type { ComplianceKind } from '@alis/shared';

export const COMPLIANCE_LABELS: Record<ComplianceKind, string> = {
  agreement_in_unregistered_municipality: 'Aktiv avtale i kommune som ikke er registrert',
  agreement_without_veileder: 'Uten veileder i mer enn 30 dager',
  veileder_not_qualified: 'Veileder ikke kvalifisert',
  veileder_over_capacity: 'Veileder over kapasitet',
  certificate_overdue: 'Revisorattest forfalt',
  agreement_ending_soon: 'Avtale slutter innen 6 måneder',
};
