import type {
  AgreementStatus,
  AgreementWarning,
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
import { formatDate } from '../../../lib/format';

export type EmploymentForm = (typeof employmentForms)[number];
export type Position = (typeof positions)[number];
export type AbsenceKind = (typeof absenceKinds)[number];

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: 'Utkast',
  active: 'Aktiv',
  completed: 'Fullført',
  terminated: 'Avsluttet',
  cancelled: 'Forkastet',
};

export const AGREEMENT_STATUS_TONES: Record<AgreementStatus, BadgeTone> = {
  draft: 'neutral',
  active: 'success',
  completed: 'info',
  terminated: 'warning',
  cancelled: 'neutral',
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
  cancelled: 'Forkast utkastet',
};

type WarningParams = AgreementWarning['params'];
const text = (params: WarningParams, key: string) => String(params[key] ?? '');
const date = (params: WarningParams, key: string) => formatDate(text(params, key) || null);

/** Norwegian wording of each compliance warning, filled from its params (the API's English `message` is never shown). */
export const WARNING_LABELS: Record<AgreementWarningCode, (params: WarningParams) => string> = {
  municipality_not_registered: (params) =>
    `Kommunen har verken søkt om eller fått registrering som utdanningsvirksomhet (fra ${date(params, 'since')}). Tjenesten teller ikke før den har det.`,
  service_did_not_count: (params) =>
    Number(params.periods) > 1
      ? `Tjenesten har ikke telt i ${text(params, 'periods')} perioder, første gang ${date(params, 'from')}–${date(params, 'to')}: kommunen hadde verken søkt eller var registrert.`
      : `Tjenesten telte ikke ${date(params, 'from')}–${date(params, 'to')}: kommunen hadde verken søkt eller var registrert.`,
  no_active_veileder: () => 'ALIS-en har ingen aktiv veileder.',
  veileder_not_qualified: (params) =>
    `Veilederen ${text(params, 'name')} er ikke spesialist i allmennmedisin og har ikke gyldig fritak ${date(params, 'date')}.`,
  veileder_over_capacity: (params) =>
    `Veilederen ${text(params, 'name')} følger ${text(params, 'load')} ALIS, mer enn kapasiteten på ${text(params, 'capacity')}.`,
  ends_within_6_months: (params) => `Avtalen slutter ${date(params, 'plannedEndDate')}, innen seks måneder.`,
  past_planned_end: (params) =>
    `Planlagt sluttdato ${date(params, 'plannedEndDate')} er passert, men avtalen er fortsatt aktiv. Fullfør eller avslutt den.`,
  overlapping_agreements: (params) =>
    `Legen har flere åpne avtaler samtidig, til sammen ${text(params, 'percent')} % stilling.`,
  lis1_not_completed: (params) =>
    params.lis1CompletedOn
      ? `Avtalen starter før legen fullførte LIS1 (${date(params, 'lis1CompletedOn')}).`
      : 'Avtalen starter før legen har fullført LIS1.',
  already_specialist: (params) =>
    `Legen ble spesialist i allmennmedisin ${date(params, 'specialistApprovedOn')}, før avtalen startet.`,
  via_staffing_agency: () => 'Legen er ansatt via bemanningsbyrå, og det gis ikke tilskudd for slike avtaler.',
  no_education_plan: (params) =>
    `Individuell utdanningsplan er ikke godkjent. Den skulle vært godkjent ${date(params, 'dueOn')}, ${text(params, 'months')} måneder etter oppstart.`,
  education_plan_review_due: (params) =>
    `Individuell utdanningsplan er ikke revidert på over ${text(params, 'months')} måneder; revisjon var ventet ${date(params, 'dueOn')}.`,
};

/** Each warning in a few words, for the list's filter by warning (`?warning=`). */
export const WARNING_FILTER_LABELS: Record<AgreementWarningCode, string> = {
  municipality_not_registered: 'Kommunen er ikke registrert',
  service_did_not_count: 'Tjeneste har ikke telt',
  no_active_veileder: 'Ingen aktiv veileder',
  veileder_not_qualified: 'Veileder ikke kvalifisert',
  veileder_over_capacity: 'Veileder over kapasitet',
  ends_within_6_months: 'Slutter innen seks måneder',
  past_planned_end: 'Planlagt slutt passert',
  overlapping_agreements: 'Flere åpne avtaler samtidig',
  lis1_not_completed: 'LIS1 ikke fullført',
  already_specialist: 'Allerede spesialist',
  via_staffing_agency: 'Via bemanningsbyrå',
  no_education_plan: 'Utdanningsplan ikke godkjent',
  education_plan_review_due: 'Utdanningsplan skal revideres',
};

/** How the agreements list can be sorted (`?sort=`); empty is the API's default, newest start first. */
export const AGREEMENT_SORT_LABELS = {
  startDate: 'Eldste start først',
  plannedEndDate: 'Planlagt slutt, tidligst først',
  '-plannedEndDate': 'Planlagt slutt, senest først',
  municipality: 'Kommune (A–Å)',
  '-municipality': 'Kommune (Å–A)',
  doctor: 'Lege (A–Å)',
  '-doctor': 'Lege (Å–A)',
} as const;

/** A warning's Norwegian text, also for a code this version of the app does not know yet. */
export function warningLabel(warning: { code: string; params?: WarningParams }): string {
  const label = (WARNING_LABELS as Record<string, ((params: WarningParams) => string) | undefined>)[warning.code];
  return label ? label(warning.params ?? {}) : 'Avtalen har et avvik som bør sjekkes.';
}

const TRANSITION_FIELD_LABELS: Readonly<Record<string, string>> = {
  signedOn: 'Signert dato',
  startDate: 'Startdato',
  endDate: 'Sluttdato',
  endReason: 'Sluttårsak',
  reason: 'Hvorfor utkastet forkastes',
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
