import {
  type ApplicationElements,
  type FieldError,
  type LearningArena,
  type Registration,
  fieldIssue,
  missingApplicationElements,
  updateRegistrationRequest,
} from '@alis/shared';
import type { z } from 'zod';
import { fieldErrorText } from '../../../lib/field-error-text';
import { type Changes, type FieldErrors, fieldErrorsOf, isShapeError, splitFieldErrors, textOrNull } from '../../../lib/form';

/** One learning arena as the editor holds it; `key` keeps rows apart while they are edited. */
export interface ArenaFormValue {
  key: string;
  name: string;
  kind: 'own' | 'external';
  partner: string;
  agreementInPlace: boolean;
}

export interface RegistrationFormValues {
  responsibleName: string;
  responsibleEmail: string;
  educationPlanUrl: string;
  supervisionArrangement: string;
  learningArenas: ArenaFormValue[];
  decisionReference: string;
  notes: string;
}

export type RegistrationField = keyof RegistrationFormValues;
export type RegistrationFieldErrors = FieldErrors<RegistrationField>;
export type ArenaErrors = Record<number, { name?: string; partner?: string }>;

export const REGISTRATION_FIELD_LABELS: Record<RegistrationField, string> = {
  responsibleName: 'Utdanningsansvarlig',
  responsibleEmail: 'Utdanningsansvarliges e-post',
  educationPlanUrl: 'Lenke til generell utdanningsplan',
  supervisionArrangement: 'Organisering av veiledning og supervisjon',
  learningArenas: 'Læringsarenaer',
  decisionReference: 'Vedtaksreferanse',
  notes: 'Interne merknader om registreringen',
};
export const REGISTRATION_FIELDS = Object.keys(REGISTRATION_FIELD_LABELS) as RegistrationField[];

/** At most this many arenas (the contract's limit). */
export const MAX_ARENAS = 50;

let arenaCounter = 0;
export const newArenaKey = () => `arena-${++arenaCounter}`;

export const emptyArena = (kind: ArenaFormValue['kind'] = 'own'): ArenaFormValue => ({
  key: newArenaKey(),
  name: '',
  kind,
  partner: '',
  agreementInPlace: false,
});

export function toRegistrationFormValues(r: Registration): RegistrationFormValues {
  return {
    responsibleName: r.responsibleName ?? '',
    responsibleEmail: r.responsibleEmail ?? '',
    educationPlanUrl: r.educationPlanUrl ?? '',
    supervisionArrangement: r.supervisionArrangement ?? '',
    learningArenas: r.learningArenas.map((arena) => ({
      key: newArenaKey(),
      name: arena.name,
      kind: arena.kind,
      partner: arena.partner ?? '',
      agreementInPlace: arena.agreementInPlace,
    })),
    decisionReference: r.decisionReference ?? '',
    notes: r.notes ?? '',
  };
}

/**
 * The arenas as the API stores them: trimmed; an own arena has no partner and needs no agreement,
 * so what was typed for it while it was external is dropped.
 */
export function arenasForApi(arenas: readonly ArenaFormValue[]): LearningArena[] {
  return arenas.map((arena) =>
    arena.kind === 'own'
      ? { name: arena.name.trim(), kind: 'own', partner: null, agreementInPlace: false }
      : { name: arena.name.trim(), kind: 'external', partner: textOrNull(arena.partner), agreementInPlace: arena.agreementInPlace },
  );
}

/** The application as it would be saved, for the shared completeness check. */
export function applicationElementsOf(values: RegistrationFormValues): ApplicationElements {
  return {
    responsibleName: textOrNull(values.responsibleName),
    educationPlanUrl: textOrNull(values.educationPlanUrl),
    supervisionArrangement: textOrNull(values.supervisionArrangement),
    learningArenas: arenasForApi(values.learningArenas),
  };
}

/** What the application lacks, computed live with the same shared rule the API uses for `missingForApplication`. */
export const missingForForm = (values: RegistrationFormValues): FieldError[] => missingApplicationElements(applicationElementsOf(values));

/** A missing element in Norwegian, for the checklist and for a 422 from the API. */
export function missingLabel(item: FieldError, arenaNames: readonly string[] = []): string {
  const arenaMatch = /^learningArenas\.(\d+)\.(agreementInPlace|partner)$/.exec(item.path);
  if (arenaMatch) {
    const index = Number(arenaMatch[1]);
    const name = arenaNames[index]?.trim() || `nr. ${index + 1}`;
    return arenaMatch[2] === 'partner'
      ? `Den eksterne læringsarenaen «${name}» mangler navn på samarbeidspartner`
      : `Den eksterne læringsarenaen «${name}» mangler avtale med samarbeidspartneren`;
  }
  switch (item.path) {
    case 'responsibleName':
      return 'Utdanningsansvarlig er ikke oppgitt';
    case 'educationPlanUrl':
      return 'Lenke til generell utdanningsplan mangler';
    case 'supervisionArrangement':
      return 'Hvordan veiledning og supervisjon er organisert, er ikke beskrevet';
    case 'learningArenas':
      return item.code === 'missing' && item.params.item === 'own'
        ? 'Minst én læringsarena må være kommunens egen: en vesentlig del av utdanningen skal kunne gjennomføres i kommunen'
        : 'Minst én læringsarena må være oppgitt';
    case 'date':
      return `Datoen kan ikke brukes: ${fieldErrorText(item).toLowerCase()}`;
    default:
      return fieldErrorText(item);
  }
}

/** The form field a missing element is fixed in, for a link from the checklist. */
export function missingTarget(path: string): { field: RegistrationField; arenaIndex?: number; arenaField?: 'partner' | 'agreementInPlace' } {
  const arenaMatch = /^learningArenas\.(\d+)\.(agreementInPlace|partner)$/.exec(path);
  if (arenaMatch) return { field: 'learningArenas', arenaIndex: Number(arenaMatch[1]), arenaField: arenaMatch[2] as 'partner' | 'agreementInPlace' };
  const field = path.split('.')[0] ?? '';
  return { field: (REGISTRATION_FIELDS as string[]).includes(field) ? (field as RegistrationField) : 'notes' };
}

const normalisedArenas = (arenas: readonly LearningArena[]) =>
  JSON.stringify(arenas.map((a) => ({ name: a.name, kind: a.kind, partner: a.partner ?? null, agreementInPlace: a.agreementInPlace })));

/** The fields that differ from the registration as loaded, in the shape the PATCH body takes. */
export function changedRegistrationFields(values: RegistrationFormValues, original: Registration): Changes {
  const changes: Changes = {};
  for (const field of ['responsibleName', 'supervisionArrangement', 'decisionReference', 'notes'] as const) {
    if (textOrNull(values[field]) !== original[field]) changes[field] = values[field];
  }
  if ((textOrNull(values.responsibleEmail)?.toLowerCase() ?? null) !== original.responsibleEmail) changes.responsibleEmail = values.responsibleEmail.trim();
  if (textOrNull(values.educationPlanUrl) !== original.educationPlanUrl) changes.educationPlanUrl = values.educationPlanUrl.trim();
  const arenas = arenasForApi(values.learningArenas);
  if (normalisedArenas(arenas) !== normalisedArenas(original.learningArenas)) changes.learningArenas = arenas;
  return changes;
}

/** Norwegian message for an error on a field of the application; the general text for the API's own rules. */
export function registrationMessageFor(field: RegistrationField, issue: FieldError): string | undefined {
  if (!isShapeError(issue)) return undefined;
  switch (field) {
    case 'responsibleName':
      return 'Navnet kan ha høyst 200 tegn';
    case 'responsibleEmail':
      return 'Ugyldig e-postadresse';
    case 'educationPlanUrl':
      return 'Skriv inn en lenke som begynner med https:// eller http://';
    case 'supervisionArrangement':
    case 'notes':
      return 'Teksten kan ha høyst 4000 tegn';
    case 'decisionReference':
      return 'Referansen kan ha høyst 200 tegn';
    case 'learningArenas':
      return issue.code === 'too_big' ? `Høyst ${MAX_ARENAS} læringsarenaer` : 'Rett opp læringsarenaene som er merket';
  }
}

/** Errors on single arenas: every arena needs a name (at most 200 characters), a partner at most 200. */
export function validateArenas(arenas: readonly ArenaFormValue[]): ArenaErrors {
  const errors: ArenaErrors = {};
  arenas.forEach((arena, index) => {
    const name = arena.name.trim();
    const entry: { name?: string; partner?: string } = {};
    if (!name) entry.name = 'Skriv inn navnet på læringsarenaen';
    else if (name.length > 200) entry.name = 'Navnet kan ha høyst 200 tegn';
    if (arena.kind === 'external' && arena.partner.trim().length > 200) entry.partner = 'Navnet kan ha høyst 200 tegn';
    if (entry.name || entry.partner) errors[index] = entry;
  });
  return errors;
}

export type RegistrationValidation =
  | { ok: true; data: z.output<typeof updateRegistrationRequest> }
  | { ok: false; fieldErrors: RegistrationFieldErrors; arenaErrors: ArenaErrors; formErrors: string[] };

/** Checks the changes against the shared contract, as the API will, with Norwegian messages. */
export function validateRegistrationChanges(changes: Changes, arenas: readonly ArenaFormValue[]): RegistrationValidation {
  const arenaErrors = 'learningArenas' in changes ? validateArenas(arenas) : {};
  const result = updateRegistrationRequest.safeParse(changes);
  const hasArenaErrors = Object.keys(arenaErrors).length > 0;
  if (result.success && !hasArenaErrors) return { ok: true, data: result.data };
  // An error inside one arena is shown on that arena (validateArenas), and the list says to look there.
  const errors = result.success ? [] : fieldErrorsOf(result.error.issues).filter((error) => !/^learningArenas\.\d/.test(error.path));
  const { fieldErrors, formErrors } = splitFieldErrors(errors, REGISTRATION_FIELDS, registrationMessageFor);
  if (hasArenaErrors) {
    fieldErrors.learningArenas ??= registrationMessageFor('learningArenas', fieldIssue({ path: 'learningArenas', code: 'invalid', message: 'see the arenas' }));
  }
  return { ok: false, fieldErrors, arenaErrors, formErrors };
}
