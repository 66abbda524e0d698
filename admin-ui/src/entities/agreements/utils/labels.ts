import type {
  AgreementStatus,
  AgreementWarningCode,
  EndReason,
  FieldError,
  SupervisionRole,
  absenceKinds,
  employmentForms,
  positions,
} from '@alis/shared';
import type { BadgeTone } from '../../../components/badge';
import { fieldErrorText } from '../../../lib/field-error-text';

export type EmploymentForm = (typeof employmentForms)[number];
export type Position = (typeof positions)[number];
export type AbsenceKind = (typeof absenceKinds)[number];

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: 'Utkast',
  active: 'Aktiv',
  completed: 'Fullført',
  terminated: 'Avsluttet',
};

export const AGREEMENT_STATUS_TONES: Record<AgreementStatus, BadgeTone> = {
  draft: 'neutral',
  active: 'success',
  completed: 'info',
  terminated: 'warning',
};

export const EMPLOYMENT_FORM_LABELS: Record<EmploymentForm, string> = {
  salaried: 'Fastlønnet',
  self_employed: 'Næringsdrivende',
};

export const POSITION_LABELS: Record<Position, string> = {
  gp: 'Fastlege',
  gp_locum: 'Fastlegevikar',
  introduction: 'Introduksjonslege',
  other: 'Annet allmennlegearbeid i kommunen',
};

export const END_REASON_LABELS: Record<EndReason, string> = {
  left_position: 'Legen sluttet i stillingen',
  no_grant: 'Ikke innvilget statlig tilskudd',
  completed_training: 'Spesialiseringen er fullført',
  other: 'Annen grunn',
};

export const ABSENCE_KIND_LABELS: Record<AbsenceKind, string> = {
  leave: 'Permisjon',
  institution_service: 'Institusjonstjeneste utenfor kommunen',
  other: 'Annet fravær',
};

export const SUPERVISION_ROLE_LABELS: Record<SupervisionRole, string> = {
  veileder: 'Veileder',
  supervisor: 'Supervisør',
  group_leader: 'Gruppeleder (veiledningsgruppe)',
};

/** What a transition is called on its button. */
export const AGREEMENT_TRANSITION_LABELS: Record<AgreementStatus, string> = {
  draft: 'Tilbake til utkast',
  active: 'Aktiver avtalen',
  completed: 'Fullfør avtalen',
  terminated: 'Avslutt avtalen før tiden',
};

/** Transitions that end an agreement need an end date and a reason. */
export const ENDING_STATUSES: readonly AgreementStatus[] = ['completed', 'terminated'];

/** Norwegian wording of each compliance warning; the API's own message is shown as the detail. */
export const WARNING_LABELS: Record<AgreementWarningCode, string> = {
  municipality_not_registered:
    'Kommunen hadde ikke søkt om eller fått registrering som utdanningsvirksomhet på startdatoen. Tjenesten teller ikke før den har det.',
  no_active_veileder: 'ALIS-en har ingen aktiv veileder.',
  veileder_not_qualified: 'Veilederen er ikke spesialist i allmennmedisin og har ikke gyldig fritak.',
  veileder_over_capacity: 'Veilederen følger flere ALIS enn kapasiteten tilsier.',
  ends_within_6_months: 'Avtalen slutter innen seks måneder.',
  via_staffing_agency: 'Legen er ansatt via bemanningsbyrå, og det gis ikke tilskudd for slike avtaler.',
};

/** A warning's Norwegian text, also for a code this version of the app does not know yet. */
export const warningLabel = (code: string): string =>
  (WARNING_LABELS as Record<string, string | undefined>)[code] ?? 'Avtalen har et avvik som bør sjekkes.';

const TRANSITION_FIELD_LABELS: Readonly<Record<string, string>> = {
  signedOn: 'Signert dato',
  startDate: 'Startdato',
  endDate: 'Sluttdato',
  endReason: 'Sluttårsak',
  note: 'Merknad',
};

/** What is wrong with a transition (its 400 or 422 `errors[]`), in Norwegian: what is missing said plainly, the rest by field. */
export function transitionMissingLabel(item: FieldError): string {
  if (item.code === 'missing' || item.code === 'required') {
    switch (item.path) {
      case 'signedOn':
        return 'Signert dato mangler. Fyll inn «Signert dato» under «Endre avtalen» og lagre før du aktiverer.';
      case 'startDate':
        return 'Startdato mangler.';
      case 'endDate':
        return 'Sluttdato mangler.';
      case 'endReason':
        return 'Sluttårsak mangler.';
    }
  }
  const label = TRANSITION_FIELD_LABELS[item.path];
  return label ? `${label}: ${fieldErrorText(item).toLowerCase()}` : fieldErrorText(item);
}
