import { type Doctor, type FieldError, canonicalHprNumber, createDoctorRequest, updateDoctorRequest } from '@alis/shared';
import type { z } from 'zod';
import { type Changes, type Validation, dateOrNull, isShapeError, textOrNull, validateWith } from '../../../lib/form';

/** What the doctor form holds: text as typed. */
export interface DoctorFormValues {
  hprNumber: string;
  name: string;
  email: string;
  phone: string;
  lis1CompletedOn: string;
  scheme: 'new' | 'old';
  specialistApprovedOn: string;
}

export type DoctorField = keyof DoctorFormValues;

export const DOCTOR_FIELD_LABELS: Record<DoctorField, string> = {
  hprNumber: 'HPR-nummer',
  name: 'Navn',
  email: 'E-post',
  phone: 'Telefon',
  lis1CompletedOn: 'LIS1 fullført',
  scheme: 'Spesialistutdanning',
  specialistApprovedOn: 'Spesialistgodkjent',
};
export const DOCTOR_FIELDS = Object.keys(DOCTOR_FIELD_LABELS) as DoctorField[];

export const SCHEME_LABELS: Record<DoctorFormValues['scheme'], string> = {
  new: 'Ny ordning (fra 2019)',
  old: 'Gammel ordning',
};

export const emptyDoctorForm = (hprNumber = ''): DoctorFormValues => ({
  hprNumber,
  name: '',
  email: '',
  phone: '',
  lis1CompletedOn: '',
  scheme: 'new',
  specialistApprovedOn: '',
});

export function toDoctorFormValues(doctor: Doctor): DoctorFormValues {
  return {
    hprNumber: doctor.hprNumber,
    name: doctor.name,
    email: doctor.email ?? '',
    phone: doctor.phone ?? '',
    lis1CompletedOn: doctor.lis1CompletedOn ?? '',
    scheme: doctor.scheme,
    specialistApprovedOn: doctor.specialistApprovedOn ?? '',
  };
}

/** Norwegian message for an error on a field of the doctor form; the general text for the API's own rules. */
export function doctorMessageFor(field: DoctorField, issue: FieldError): string | undefined {
  if (!isShapeError(issue)) return undefined;
  switch (field) {
    case 'hprNumber':
      return 'HPR-nummeret må være 7–9 siffer';
    case 'name':
      return issue.code === 'too_big' ? 'Navnet kan ha høyst 200 tegn' : 'Skriv inn legens navn';
    case 'email':
      return 'Ugyldig e-postadresse';
    case 'phone':
      return 'Ugyldig telefonnummer (for eksempel +47 22 00 00 00)';
    case 'lis1CompletedOn':
    case 'specialistApprovedOn':
      return 'Ugyldig dato';
    case 'scheme':
      return 'Velg ordning';
  }
}

type CreateBody = z.output<typeof createDoctorRequest>;
type UpdateBody = z.output<typeof updateDoctorRequest>;

/** The body of `POST /doctors`, checked against the shared contract as the API will. */
export function validateNewDoctor(values: DoctorFormValues): Validation<CreateBody, DoctorField> {
  const body = {
    hprNumber: values.hprNumber.replace(/\s+/g, ''),
    name: values.name,
    email: values.email.trim(),
    phone: values.phone.trim(),
    lis1CompletedOn: dateOrNull(values.lis1CompletedOn),
    scheme: values.scheme,
    specialistApprovedOn: dateOrNull(values.specialistApprovedOn),
  };
  return validateWith(createDoctorRequest, body, DOCTOR_FIELDS, doctorMessageFor);
}

/** The fields that differ from the doctor as loaded, in the shape the PATCH body takes. */
export function changedDoctorFields(values: DoctorFormValues, original: Doctor): Changes {
  const changes: Changes = {};
  const hpr = values.hprNumber.replace(/\s+/g, '');
  if ((canonicalHprNumber(hpr) ?? hpr) !== original.hprNumber) changes.hprNumber = hpr;
  if (values.name.trim() !== original.name) changes.name = values.name;
  if ((textOrNull(values.email)?.toLowerCase() ?? null) !== original.email) changes.email = values.email.trim();
  if (textOrNull(values.phone) !== original.phone) changes.phone = values.phone.trim();
  if (dateOrNull(values.lis1CompletedOn) !== original.lis1CompletedOn) changes.lis1CompletedOn = dateOrNull(values.lis1CompletedOn);
  if (values.scheme !== original.scheme) changes.scheme = values.scheme;
  if (dateOrNull(values.specialistApprovedOn) !== original.specialistApprovedOn) {
    changes.specialistApprovedOn = dateOrNull(values.specialistApprovedOn);
  }
  return changes;
}

export const validateDoctorChanges = (changes: Changes): Validation<UpdateBody, DoctorField> =>
  validateWith(updateDoctorRequest, changes, DOCTOR_FIELDS, doctorMessageFor);

/** "Det finnes allerede en lege med HPR-nummer …": the 409 `already_exists` on create or change. */
export const duplicateHprMessage = (hprNumber: string) =>
  `Det finnes allerede en lege med HPR-nummer ${canonicalHprNumber(hprNumber) ?? hprNumber.trim()}.`;
