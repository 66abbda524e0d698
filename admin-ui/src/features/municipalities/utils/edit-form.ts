import { type FieldError, type Municipality, normaliseOrganisationNumber, updateMunicipalityRequest } from '@alis/shared';
import type { z } from 'zod';
import { type Changes, type Validation, isShapeError, parseWholeNumber, textOrNull, validateWith } from '../../../lib/form';

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

/**
 * The fields that differ from what was loaded, in the shape the PATCH body takes before
 * validation. Fields the user may not change (the office, unless admin) are never included.
 */
export function changedFields(
  values: EditFormValues,
  original: Municipality,
  options: { canChangeOffice: boolean },
): Changes {
  const changes: Changes = {};
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

/** Norwegian message for an error on a field of the edit form; the general text for the API's own rules. */
export function messageFor(field: EditableField, error: FieldError): string | undefined {
  if (!isShapeError(error)) return undefined;
  switch (field) {
    case 'organisationNumber':
      return 'Ugyldig organisasjonsnummer (9 siffer med kontrollsiffer)';
    case 'centralityClass':
      return 'Sentralitetsklasse må være fra 1 til 6';
    case 'population':
      if (error.code === 'too_small') return 'Innbyggertall kan ikke være negativt';
      if (error.code === 'too_big') return 'Innbyggertall kan ikke være over 10 000 000';
      return 'Innbyggertall må være et helt tall';
    case 'contactName':
      return error.code === 'too_big' ? 'Navnet kan ha høyst 200 tegn' : 'Ugyldig navn';
    case 'contactEmail':
      return error.code === 'too_big' ? 'E-postadressen kan ha høyst 254 tegn' : 'Ugyldig e-postadresse';
    case 'contactPhone':
      return 'Ugyldig telefonnummer (for eksempel +47 22 00 00 00)';
    case 'notes':
      return error.code === 'too_big' ? 'Notatene kan ha høyst 4000 tegn' : 'Ugyldige notater';
    case 'officeCode':
      return 'Velg et gyldig ALIS-kontor';
    case 'recruitmentChallenged':
      return 'Ugyldig verdi';
  }
}

/** Checks the changes against the shared contract, as the API will. */
export const validateChanges = (changes: Changes): Validation<UpdateMunicipalityBody, EditableField> =>
  validateWith(updateMunicipalityRequest, changes, EDITABLE_FIELDS, messageFor);
