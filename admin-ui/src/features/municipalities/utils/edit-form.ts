import {
  type FieldError,
  type Municipality,
  normaliseOrganisationNumber,
  updateMunicipalityRequest,
} from '@alis/shared';
import type { z } from 'zod';

/** What the edit form holds: text as typed, so half-typed input survives re-renders. */
export interface EditFormValues {
  organisationNumber: string;
  centralityClass: string;
  population: string;
  recruitmentChallenged: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
  officeCode: string;
}

export type EditableField = keyof EditFormValues;
export type FieldErrors = Partial<Record<EditableField, string>>;
export type UpdateMunicipalityBody = z.output<typeof updateMunicipalityRequest>;

export const FIELD_LABELS: Record<EditableField, string> = {
  organisationNumber: 'Organisasjonsnummer',
  centralityClass: 'Sentralitetsklasse',
  population: 'Innbyggertall',
  recruitmentChallenged: 'Rekrutteringsutfordret',
  contactName: 'Navn',
  contactEmail: 'E-post',
  contactPhone: 'Telefon',
  notes: 'Notater',
  officeCode: 'ALIS-kontor',
};

export const EDITABLE_FIELDS = Object.keys(FIELD_LABELS) as EditableField[];

export const isEditableField = (path: string): path is EditableField => (EDITABLE_FIELDS as string[]).includes(path);

export function toFormValues(m: Municipality): EditFormValues {
  return {
    organisationNumber: m.organisationNumber ?? '',
    centralityClass: m.centralityClass === null ? '' : String(m.centralityClass),
    population: m.population === null ? '' : String(m.population),
    recruitmentChallenged: m.recruitmentChallenged,
    contactName: m.contactName ?? '',
    contactEmail: m.contactEmail ?? '',
    contactPhone: m.contactPhone ?? '',
    notes: m.notes ?? '',
    officeCode: m.officeCode,
  };
}

const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** "12 345" as people write it; anything that is not a whole number becomes NaN for the schema to reject. */
function parseWholeNumber(value: string): number | null {
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  return /^-?\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

/**
 * The fields that differ from what was loaded, in the shape the PATCH body takes before
 * validation. Fields the user may not change (the office, unless admin) are never included.
 */
export function changedFields(
  values: EditFormValues,
  original: Municipality,
  options: { canChangeOffice: boolean },
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const orgNumber = textOrNull(normaliseOrganisationNumber(values.organisationNumber));
  if (orgNumber !== original.organisationNumber) changes.organisationNumber = orgNumber;

  const centrality = values.centralityClass === '' ? null : Number(values.centralityClass);
  if (centrality !== original.centralityClass) changes.centralityClass = centrality;

  const population = parseWholeNumber(values.population);
  if (population !== original.population) changes.population = population;

  if (values.recruitmentChallenged !== original.recruitmentChallenged) {
    changes.recruitmentChallenged = values.recruitmentChallenged;
  }
  for (const field of ['contactName', 'contactEmail', 'contactPhone', 'notes'] as const) {
    const value = textOrNull(values[field]);
    if (value !== original[field]) changes[field] = value === null ? null : values[field];
  }
  if (options.canChangeOffice && values.officeCode !== original.officeCode) changes.officeCode = values.officeCode;
  return changes;
}

type Issue = z.core.$ZodIssue;

/** Norwegian message for a schema issue on a field of the edit form. */
export function messageFor(field: EditableField, issue: Pick<Issue, 'code'>): string {
  switch (field) {
    case 'organisationNumber':
      return 'Ugyldig organisasjonsnummer (9 siffer med kontrollsiffer)';
    case 'centralityClass':
      return 'Sentralitetsklasse må være fra 1 til 6';
    case 'population':
      if (issue.code === 'too_small') return 'Innbyggertall kan ikke være negativt';
      if (issue.code === 'too_big') return 'Innbyggertall kan ikke være over 10 000 000';
      return 'Innbyggertall må være et helt tall';
    case 'contactName':
      return issue.code === 'too_big' ? 'Navnet kan ha høyst 200 tegn' : 'Ugyldig navn';
    case 'contactEmail':
      return issue.code === 'too_big' ? 'E-postadressen kan ha høyst 254 tegn' : 'Ugyldig e-postadresse';
    case 'contactPhone':
      return 'Ugyldig telefonnummer (for eksempel +47 22 00 00 00)';
    case 'notes':
      return issue.code === 'too_big' ? 'Notatene kan ha høyst 4000 tegn' : 'Ugyldige notater';
    case 'officeCode':
      return 'Velg et gyldig ALIS-kontor';
    case 'recruitmentChallenged':
      return 'Ugyldig verdi';
  }
}

export type ValidationResult =
  | { ok: true; data: UpdateMunicipalityBody }
  | { ok: false; fieldErrors: FieldErrors; formErrors: string[] };

/** Checks the changes against the shared contract, as the API will. */
export function validateChanges(changes: Record<string, unknown>): ValidationResult {
  const result = updateMunicipalityRequest.safeParse(changes);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (isEditableField(field)) fieldErrors[field] ??= messageFor(field, issue);
    else formErrors.push(issue.message);
  }
  return { ok: false, fieldErrors, formErrors };
}

/** The API's `errors[]` (path = field name) split into messages beside fields and the rest. */
export function splitServerErrors(errors: readonly FieldError[]): { fieldErrors: FieldErrors; formErrors: string[] } {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const error of errors) {
    const field = error.path.split('.')[0] ?? '';
    if (isEditableField(field)) fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}; ${error.message}` : error.message;
    else formErrors.push(error.path ? `${error.path}: ${error.message}` : error.message);
  }
  return { fieldErrors, formErrors };
}
