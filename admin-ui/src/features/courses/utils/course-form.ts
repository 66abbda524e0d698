import { type CourseKind, type FieldError, addCourseParticipantRequest, createCourseRequest } from '@alis/shared';
import type { z } from 'zod';
import { type Validation, isShapeError, textOrNull, validateWith } from '../../../lib/form';

export interface CourseFormValues {
  title: string;
  kind: CourseKind;
  /** The first day (the API's errors on `days` show here). */
  days: string;
  day2: string;
  place: string;
  online: boolean;
  capacity: string;
  registrationDeadline: string;
  description: string;
  officeCode: string;
}
export type CourseField = keyof CourseFormValues;
export const COURSE_FIELDS: CourseField[] = ['title', 'kind', 'days', 'day2', 'place', 'online', 'capacity', 'registrationDeadline', 'description', 'officeCode'];

export const emptyCourseForm = (): CourseFormValues => ({
  title: '',
  kind: 'veilederkurs',
  days: '',
  day2: '',
  place: '',
  online: false,
  capacity: '20',
  registrationDeadline: '',
  description: '',
  officeCode: '',
});

/** The form's own words for what the schema finds by itself. */
export function courseMessageFor(field: CourseField, error: FieldError): string | undefined {
  if (field === 'days' && (error.code === 'too_small' || error.code === 'too_big')) return 'Et veilederkurs har to kursdager';
  if (!isShapeError(error)) return undefined;
  switch (field) {
    case 'title':
      return 'Skriv inn kursets navn';
    case 'days':
      return 'Skriv inn kursdagene';
    case 'place':
      return 'Skriv inn sted, eller kryss av for nettkurs';
    case 'capacity':
      return 'Antall plasser må være et helt tall fra 1 til 1000';
    case 'registrationDeadline':
      return 'Skriv inn påmeldingsfristen';
    case 'officeCode':
      return 'Velg ALIS-kontoret som holder kurset';
    default:
      return undefined;
  }
}

/** The request body from the form, as the API checks it (two days for a veilederkurs; a place unless online). */
export function courseBody(values: CourseFormValues) {
  const days = [values.days, values.day2].map((day) => day.trim()).filter((day) => day !== '');
  return {
    title: values.title,
    kind: values.kind,
    days,
    place: textOrNull(values.place),
    online: values.online,
    capacity: /^\d+$/.test(values.capacity.trim()) ? Number(values.capacity.trim()) : values.capacity,
    registrationDeadline: values.registrationDeadline || undefined,
    description: textOrNull(values.description),
    ...(values.officeCode ? { officeCode: values.officeCode } : {}),
  };
}

export function validateCourse(values: CourseFormValues): Validation<z.output<typeof createCourseRequest>, CourseField> {
  const body = courseBody(values);
  const checked = validateWith(createCourseRequest, body, COURSE_FIELDS, courseMessageFor);
  if (!checked.ok) return checked;
  const problems: Partial<Record<CourseField, string>> = {};
  if (body.kind === 'veilederkurs' && body.days.length !== 2) problems.days = 'Et veilederkurs har to kursdager';
  if (!body.online && !body.place) problems.place = 'Skriv inn sted, eller kryss av for nettkurs';
  if (Object.keys(problems).length > 0) return { ok: false, fieldErrors: problems, formErrors: [] };
  return checked;
}

/** Who to sign up: an existing veileder, or a person not yet registered. */
export interface ParticipantFormValues {
  mode: 'supervisor' | 'person';
  supervisorId: string;
  name: string;
  email: string;
  hprNumber: string;
  kommunenummer: string;
}
export type ParticipantField = keyof ParticipantFormValues;
export const PARTICIPANT_FIELDS: ParticipantField[] = ['mode', 'supervisorId', 'name', 'email', 'hprNumber', 'kommunenummer'];

export const emptyParticipantForm = (): ParticipantFormValues => ({ mode: 'supervisor', supervisorId: '', name: '', email: '', hprNumber: '', kommunenummer: '' });

export function participantMessageFor(field: ParticipantField, error: FieldError): string | undefined {
  if (!isShapeError(error)) return undefined;
  switch (field) {
    case 'mode':
      return undefined;
    case 'supervisorId':
      return 'Velg en veileder';
    case 'name':
      return 'Skriv inn navnet';
    case 'email':
      return 'Skriv inn en gyldig e-postadresse';
    case 'hprNumber':
      return 'HPR-nummeret har 7–9 sifre';
    case 'kommunenummer':
      return 'Velg kommunen personen hører til';
  }
}

export function validateParticipant(values: ParticipantFormValues) {
  if (values.mode === 'supervisor') {
    if (!values.supervisorId) return { ok: false as const, fieldErrors: { supervisorId: 'Velg en veileder' }, formErrors: [] };
    return validateWith(addCourseParticipantRequest, { supervisorId: values.supervisorId }, PARTICIPANT_FIELDS, participantMessageFor);
  }
  const checked = validateWith(
    addCourseParticipantRequest,
    {
      name: values.name.trim() || undefined,
      email: values.email.trim() || undefined,
      hprNumber: values.hprNumber.trim() || undefined,
      kommunenummer: values.kommunenummer || undefined,
    },
    PARTICIPANT_FIELDS,
    participantMessageFor,
  );
  if (!checked.ok) return checked;
  const missing: Partial<Record<ParticipantField, string>> = {};
  if (!checked.data.name) missing.name = 'Skriv inn navnet';
  if (!checked.data.email) missing.email = 'Skriv inn e-postadressen';
  if (!checked.data.kommunenummer) missing.kommunenummer = 'Velg kommunen personen hører til';
  return Object.keys(missing).length > 0 ? { ok: false as const, fieldErrors: missing, formErrors: [] } : checked;
}
