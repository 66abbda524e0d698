import { type AbsencePeriod, type Agreement, type FieldError, createAgreementRequest, plannedEndDate, updateAgreementRequest } from '@alis/shared';
import type { z } from 'zod';
import { type Changes, type Validation, dateOrNull, isIsoDate, isShapeError, parseWholeNumber, textOrNull, validateWith } from '../../../lib/form';
import type { EmploymentForm, Position } from '../../../entities/agreements/utils/labels';

/** The agreement's own fields as the form holds them: text as typed. */
export interface AgreementFormValues {
  employmentForm: EmploymentForm | '';
  position: Position | '';
  positionPercent: string;
  signedOn: string;
  startDate: string;
  viaStaffingAgency: boolean;
  notes: string;
}

/** A new agreement also names the municipality and the doctor. */
export interface NewAgreementValues extends AgreementFormValues {
  kommunenummer: string;
  doctorId: string;
}

export type AgreementField = keyof NewAgreementValues;

export const AGREEMENT_FIELD_LABELS: Record<AgreementField, string> = {
  kommunenummer: 'Kommune',
  doctorId: 'Lege',
  employmentForm: 'Ansettelsesform',
  position: 'Stilling',
  positionPercent: 'Stillingsprosent',
  signedOn: 'Signert dato',
  startDate: 'Startdato',
  viaStaffingAgency: 'Ansatt via bemanningsbyrå',
  notes: 'Notater',
};
export const AGREEMENT_FIELDS = Object.keys(AGREEMENT_FIELD_LABELS) as AgreementField[];
/** What an existing agreement's form changes: not its municipality or doctor. */
export const AGREEMENT_EDIT_FIELDS = AGREEMENT_FIELDS.filter((field): field is keyof AgreementFormValues => field !== 'kommunenummer' && field !== 'doctorId');

export const emptyAgreementForm = (kommunenummer = '', doctorId = ''): NewAgreementValues => ({
  kommunenummer,
  doctorId,
  employmentForm: '',
  position: '',
  positionPercent: '100',
  signedOn: '',
  startDate: '',
  viaStaffingAgency: false,
  notes: '',
});

export function toAgreementFormValues(agreement: Agreement): AgreementFormValues {
  return {
    employmentForm: agreement.employmentForm,
    position: agreement.position,
    positionPercent: String(agreement.positionPercent),
    signedOn: agreement.signedOn ?? '',
    startDate: agreement.startDate,
    viaStaffingAgency: agreement.viaStaffingAgency,
    notes: agreement.notes ?? '',
  };
}

/** Norwegian message for an error on a field of the agreement form; the general text for the API's own rules. */
export function agreementMessageFor(field: AgreementField, issue: FieldError): string | undefined {
  if (!isShapeError(issue)) return undefined;
  switch (field) {
    case 'kommunenummer':
      return 'Velg kommunen avtalen gjelder';
    case 'doctorId':
      return 'Velg legen, eller registrer en ny';
    case 'employmentForm':
      return 'Velg fastlønnet eller næringsdrivende';
    case 'position':
      return 'Velg stilling';
    case 'positionPercent':
      return 'Stillingsprosenten må være et helt tall fra 1 til 100';
    case 'signedOn':
      return 'Ugyldig dato';
    case 'startDate':
      return issue.code === 'required' || issue.code === 'invalid_type' ? 'Skriv inn startdatoen' : 'Ugyldig startdato';
    case 'viaStaffingAgency':
      return 'Ugyldig verdi';
    case 'notes':
      return issue.code === 'too_big' ? 'Notatene kan ha høyst 4000 tegn' : 'Ugyldige notater';
  }
}

const percentOf = (value: string) => parseWholeNumber(value.replace(/%/g, ''));

/** The body of `POST /agreements`, checked against the shared contract as the API will. */
export function validateNewAgreement(values: NewAgreementValues): Validation<z.output<typeof createAgreementRequest>, AgreementField> {
  const body = {
    kommunenummer: values.kommunenummer,
    doctorId: values.doctorId,
    employmentForm: values.employmentForm || undefined,
    position: values.position || undefined,
    positionPercent: percentOf(values.positionPercent) ?? undefined,
    signedOn: dateOrNull(values.signedOn),
    startDate: dateOrNull(values.startDate) ?? undefined,
    viaStaffingAgency: values.viaStaffingAgency,
    notes: values.notes,
  };
  return validateWith(createAgreementRequest, body, AGREEMENT_FIELDS, agreementMessageFor);
}

/** The fields that differ from the agreement as loaded, in the shape the PATCH body takes. */
export function changedAgreementFields(values: AgreementFormValues, original: Agreement): Changes {
  const changes: Changes = {};
  if (values.employmentForm !== original.employmentForm) changes.employmentForm = values.employmentForm || undefined;
  if (values.position !== original.position) changes.position = values.position || undefined;
  const percent = percentOf(values.positionPercent);
  if (percent !== original.positionPercent) changes.positionPercent = percent;
  if (dateOrNull(values.signedOn) !== original.signedOn) changes.signedOn = dateOrNull(values.signedOn);
  if (values.startDate.trim() !== original.startDate) changes.startDate = dateOrNull(values.startDate);
  if (values.viaStaffingAgency !== original.viaStaffingAgency) changes.viaStaffingAgency = values.viaStaffingAgency;
  if (textOrNull(values.notes) !== original.notes) changes.notes = values.notes;
  return changes;
}

export const validateAgreementChanges = (changes: Changes): Validation<z.output<typeof updateAgreementRequest>, AgreementField> =>
  validateWith(updateAgreementRequest, changes, AGREEMENT_FIELDS, agreementMessageFor);

export type PlannedEndPreview = { ok: true; date: string; serviceNote: string } | { ok: false; reason: string };

/**
 * The planned end date as the API will compute it (the shared `plannedEndDate`), live from what
 * the form holds: five years at full time, longer pro rata for part time and by every absence day.
 */
export function plannedEndPreview(startDate: string, positionPercent: string, absences: readonly AbsencePeriod[] = []): PlannedEndPreview {
  const start = startDate.trim();
  if (!start) return { ok: false, reason: 'Fyll inn startdato for å se planlagt sluttdato.' };
  if (!isIsoDate(start)) return { ok: false, reason: 'Ugyldig startdato.' };
  const percent = percentOf(positionPercent);
  if (percent === null || !Number.isInteger(percent) || percent < 1 || percent > 100) {
    return { ok: false, reason: 'Fyll inn stillingsprosent (1–100) for å se planlagt sluttdato.' };
  }
  const date = plannedEndDate(start, percent, absences);
  const parts = [percent === 100 ? '5 år i full stilling' : `5 år omregnet til ${percent} % stilling`];
  const absenceDays = absences.length;
  if (absenceDays > 0) parts.push(`forlenget med ${absenceDays === 1 ? 'ett fravær' : `${absenceDays} fravær`}`);
  return { ok: true, date, serviceNote: parts.join(', ') };
}
