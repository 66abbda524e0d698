import {
  type Registration,
  type RegistrationHistoryEntry,
  type RegistrationStatus,
  type Specialty,
  earliestApplicationDate,
  registeredFromDate,
} from '@alis/shared';
import { isIsoDate } from '../../../lib/form';
import { formatDate } from '../../../lib/format';

export { REGISTRATION_STATUS_LABELS, REGISTRATION_STATUS_TONES } from '../../../entities/registrations/utils/labels';

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

/**
 * A specialty's registration panel on the municipality's page: its heading, and what the registration
 * means beyond itself (only general practice, ALM, decides whether ALIS service counts).
 */
export const SPECIALTY_PANELS: Record<Specialty, { title: string; hint: string }> = {
  ALM: {
    title: 'Registrering som utdanningsvirksomhet',
    hint: 'Registreringen i allmennmedisin (ALM) avgjør om ALIS-tjeneste i kommunen teller, og gir varslene på ALIS-avtalene.',
  },
  SAM: {
    title: 'Registrering for samfunnsmedisin (SAM)',
    hint: 'Registreringen i samfunnsmedisin følger det samme løpet, men bare registreringen i allmennmedisin (ALM) gir varsler på ALIS-avtalene og avgjør om ALIS-tjeneste teller.',
  },
};

/** One line on what the transition does, for the confirmation dialog; ALIS service counts only by the ALM registration. */
export function transitionExplanation(to: RegistrationStatus, specialty: Specialty): string {
  const alis = specialty === 'ALM';
  switch (to) {
    case 'preparing':
      return 'ALIS-kontoret hjelper kommunen med å skrive søknaden. Søknaden kan endres fram til den sendes.';
    case 'applied':
      return `Søknaden sendes til Helsedirektoratet. Kommunen regnes som midlertidig registrert fra søknadsdatoen${alis ? ', og ALIS-tjeneste teller fra da' : ''}.`;
    case 'registered':
      return 'Helsedirektoratet har innvilget søknaden. Registreringen gjelder fra søknadsdatoen.';
    case 'rejected':
      return 'Helsedirektoratet har avslått søknaden. Kommunen kan forberede en ny søknad.';
    case 'deregistered':
      return `Kommunen er ikke lenger registrert som utdanningsvirksomhet.${alis ? ' ALIS-tjeneste teller ikke etter dette.' : ''}`;
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

/**
 * «Registrert fra» as people need it: the date once registered; while the application waits for a
 * decision, the date it will count from if granted («fra 15.11.2026 hvis registrert»), by the shared rule.
 */
export function registeredFromText(registration: Pick<Registration, 'status' | 'registeredFrom' | 'applicationDate'>): string {
  if (registration.registeredFrom) return formatDate(registration.registeredFrom);
  if (registration.status === 'applied' && registration.applicationDate) {
    return `fra ${formatDate(registeredFromDate(registration.applicationDate))} hvis registrert`;
  }
  return '–';
}

/**
 * What the shared rules already know about a transition's date, checked before sending: a real day,
 * not after today, not before the last change, and an application not before its round's preparation.
 * `history` is the registration's history as loaded, newest first.
 */
export function transitionDateProblem(
  date: string,
  to: RegistrationStatus,
  today: string,
  history: readonly Pick<RegistrationHistoryEntry, 'to' | 'date'>[],
): string | undefined {
  if (date === '') return undefined;
  if (!isIsoDate(date)) return 'Skriv datoen som dd.mm.åååå';
  if (date > today) return `Kan ikke være etter i dag (${formatDate(today)})`;
  if (to === 'applied') {
    const preparedOn = history.find((entry) => entry.to === 'preparing')?.date ?? null;
    const earliest = earliestApplicationDate(preparedOn);
    if (date < earliest) {
      return preparedOn !== null && earliest === preparedOn
        ? `Søknadsdatoen kan ikke være før forberedelsen startet (${formatDate(earliest)})`
        : `Kan ikke være før ${formatDate(earliest)}`;
    }
  }
  const last = history[0]?.date;
  if (last && date < last) return `Kan ikke være før forrige statusendring (${formatDate(last)})`;
  return undefined;
}
