import type { RegistrationStatus } from '@alis/shared';

/** The § 19 registration statuses as the admin app names them (the registration pages and the dashboard). */
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  not_registered: 'Ikke registrert',
  preparing: 'Under forberedelse',
  applied: 'Søkt',
  registered: 'Registrert',
  rejected: 'Avslått',
  deregistered: 'Avregistrert',
};
