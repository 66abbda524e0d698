import type { RegistrationStatus } from '@alis/shared';
import type { BadgeTone } from '../../../components/badge';

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

/** What moving to a status is called on its button. */
export function transitionLabel(from: RegistrationStatus, to: RegistrationStatus): string {
  switch (to) {
    case 'preparing':
      return from === 'not_registered' ? 'Start forberedelse av søknad' : 'Forbered ny søknad';
    case 'applied':
      return 'Send søknad';
    case 'registered':
      return 'Registrer (innvilg søknaden)';
    case 'rejected':
      return 'Avslå søknaden';
    case 'deregistered':
      return 'Avregistrer';
    case 'not_registered':
      return 'Sett til ikke registrert';
  }
}

/** What the optional date of a transition means. */
export function transitionDateLabel(to: RegistrationStatus): string {
  if (to === 'applied') return 'Søknadsdato';
  if (to === 'registered' || to === 'rejected' || to === 'deregistered') return 'Vedtaksdato';
  return 'Dato';
}

/** One line on what the transition does, for the confirmation dialog. */
export function transitionExplanation(to: RegistrationStatus): string {
  switch (to) {
    case 'preparing':
      return 'ALIS-kontoret hjelper kommunen med å skrive søknaden. Søknaden kan endres fram til den sendes.';
    case 'applied':
      return 'Søknaden sendes til Helsedirektoratet. Kommunen regnes som midlertidig registrert fra søknadsdatoen, og ALIS-tjeneste teller fra da.';
    case 'registered':
      return 'Helsedirektoratet har innvilget søknaden. Registreringen gjelder fra søknadsdatoen.';
    case 'rejected':
      return 'Helsedirektoratet har avslått søknaden. Kommunen kan forberede en ny søknad.';
    case 'deregistered':
      return 'Kommunen er ikke lenger registrert som utdanningsvirksomhet. ALIS-tjeneste teller ikke etter dette.';
    case 'not_registered':
      return '';
  }
}

/** Why there are no buttons: usually the next step is someone else's (the directorate's decision). */
export function noTransitionText(status: RegistrationStatus): string {
  if (status === 'applied') return 'Søknaden er sendt og venter på vedtak fra Helsedirektoratet.';
  if (status === 'registered') return 'Kommunen er registrert. Bare Helsedirektoratet kan avregistrere den.';
  return 'Du kan ikke endre statusen nå.';
}
