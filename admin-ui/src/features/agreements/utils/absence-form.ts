import { type Absence, type AbsencePeriod, type Agreement, createAbsenceRequest, daysBetween, plannedEndDate } from '@alis/shared';
import { isIsoDate, issuesToErrors } from '../../../lib/form';
import type { AbsenceKind } from '../../../entities/agreements/utils/labels';

export interface AbsenceFormValues {
  kind: AbsenceKind | '';
  from: string;
  to: string;
}
export type AbsenceField = keyof AbsenceFormValues;
export const ABSENCE_FIELDS: AbsenceField[] = ['kind', 'from', 'to'];

export const emptyAbsenceForm = (): AbsenceFormValues => ({ kind: '', from: '', to: '' });

/** Calendar days of an absence, both ends included. */
export const absenceDays = (absence: AbsencePeriod) => daysBetween(absence.from, absence.to) + 1;

function absenceMessageFor(field: AbsenceField): string {
  switch (field) {
    case 'kind':
      return 'Velg type fravær';
    case 'from':
      return 'Skriv inn første dag';
    case 'to':
      return 'Skriv inn siste dag, på eller etter første dag';
  }
}

export function validateAbsence(values: AbsenceFormValues) {
  const result = createAbsenceRequest.safeParse({ kind: values.kind || undefined, from: values.from || undefined, to: values.to || undefined });
  if (result.success) return { ok: true as const, data: result.data };
  const { fieldErrors, formErrors } = issuesToErrors(result.error.issues, ABSENCE_FIELDS, absenceMessageFor);
  return { ok: false as const, fieldErrors: fieldErrors, formErrors };
}

/**
 * The planned end date if the absence being typed were added, with the shared rule the API uses;
 * null while the dates are incomplete or the wrong way round.
 */
export function plannedEndWithAbsence(
  agreement: Pick<Agreement, 'startDate' | 'positionPercent'>,
  absences: readonly Pick<Absence, 'from' | 'to'>[],
  values: Pick<AbsenceFormValues, 'from' | 'to'>,
): string | null {
  if (!isIsoDate(values.from) || !isIsoDate(values.to) || values.from > values.to) return null;
  return plannedEndDate(agreement.startDate, agreement.positionPercent, [...absences, { from: values.from, to: values.to }]);
}
