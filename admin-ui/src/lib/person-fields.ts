import { type FieldError, canonicalHprNumber } from '@alis/shared';
import { type Changes, textOrNull } from './form';

/** What doctors and supervisors both have: an HPR number, a name and contact details. */
export interface PersonFormValues {
  hprNumber: string;
  name: string;
  email: string;
  phone: string;
}
type PersonField = keyof PersonFormValues;
interface Person {
  hprNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
}

export const personFormValues = (person: Person): PersonFormValues => ({
  hprNumber: person.hprNumber,
  name: person.name,
  email: person.email ?? '',
  phone: person.phone ?? '',
});

/** The HPR number as it is sent: without the spaces people type in it. */
export const hprNumberOf = (values: Pick<PersonFormValues, 'hprNumber'>) => values.hprNumber.replace(/\s+/g, '');

/**
 * The person fields that differ from what was loaded: the same HPR number with leading zeros, or an
 * e-mail address in other capitals, is no change (the API stores both canonically).
 */
export function changedPersonFields(values: PersonFormValues, original: Person): Changes {
  const changes: Changes = {};
  const hpr = hprNumberOf(values);
  if ((canonicalHprNumber(hpr) ?? hpr) !== original.hprNumber) changes.hprNumber = hpr;
  if (values.name.trim() !== original.name) changes.name = values.name;
  if ((textOrNull(values.email)?.toLowerCase() ?? null) !== original.email) changes.email = values.email.trim();
  if (textOrNull(values.phone) !== original.phone) changes.phone = values.phone.trim();
  return changes;
}

/** A schema error on a person field in Norwegian; `nameMissing` says whose name ("Skriv inn legens navn"). */
export function personMessage(field: PersonField, error: FieldError, nameMissing: string): string {
  switch (field) {
    case 'hprNumber':
      return 'HPR-nummeret må være 7–9 siffer';
    case 'name':
      return error.code === 'too_big' ? 'Navnet kan ha høyst 200 tegn' : nameMissing;
    case 'email':
      return 'Ugyldig e-postadresse';
    case 'phone':
      return 'Ugyldig telefonnummer (for eksempel +47 22 00 00 00)';
  }
}

export const isPersonField = (field: string): field is PersonField => field === 'hprNumber' || field === 'name' || field === 'email' || field === 'phone';
