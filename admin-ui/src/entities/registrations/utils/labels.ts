import type { RegistrationStatus } from '@alis/shared';
import type { BadgeTone } from '../../../components/badge';

/** The § 19 registration's statuses in Norwegian, for its panel and the municipalities list. */
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  not_registered: 'Ikke registrert',
  preparing: 'Under forberedelse',
  applied: 'Søkt',
  registered: 'Registrert',
  rejected: 'Avslått',
  deregistered: 'Avregistrert',
};

export const REGISTRATION_STATUS_TONES: Record<RegistrationStatus, BadgeTone> = {
  not_registered: 'neutral',
  preparing: 'info',
  applied: 'warning',
  registered: 'success',
  rejected: 'danger',
  deregistered: 'neutral',
};
