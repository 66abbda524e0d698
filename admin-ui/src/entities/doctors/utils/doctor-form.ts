import { type Doctor, type FieldError, canonicalHprNumber, createDoctorRequest, updateDoctorRequest } from '@alis/shared';
import type { z } from 'zod';
import { type Changes, type Validation, dateOrNull, isShapeError, validateWith } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { type PersonFormValues, changedPersonFields, hprNumberOf, isPersonField, personFormValues, personMessage } from '../../../lib/person-fields';

/** What the doctor form holds: text as typed. */
export interface DoctorFormValues extends PersonFormValues {
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
    ...personFormValues(doctor),
    lis1CompletedOn: doctor.lis1CompletedOn ?? '',
    scheme: doctor.scheme,
    specialistApprovedOn: doctor.specialistApprovedOn ?? '',
  };
}

/** Norwegian message for an error on a field of the doctor form; the general text for the API's own rules. */
export function doctorMessageFor(field: DoctorField, issue: FieldError): string | undefined {
  // LIS1 comes before the specialist approval: the API refuses a LIS1 date after it.
  if (field === 'lis1CompletedOn' && issue.code === 'too_late' && issue.params.reference === 'specialistApprovedOn') {
    return `Kan ikke være etter spesialistgodkjenningen (${formatDate(issue.params.latest)}): LIS1 fullføres før legen blir spesialist`;
  }
  if (!isShapeError(issue)) return undefined;
  if (isPersonField(field)) return personMessage(field, issue, 'Skriv inn legens navn');
  switch (field) {
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
    hprNumber: hprNumberOf(values),
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
  const changes = changedPersonFields(values, original);
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
