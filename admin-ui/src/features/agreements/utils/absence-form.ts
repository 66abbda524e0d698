import { type Absence, type AbsencePeriod, type Agreement, type FieldError, createAbsenceRequest, daysBetween, plannedEndDate } from '@alis/shared';
import { isIsoDate, isShapeError, validateWith } from '../../../lib/form';
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

/** What to do about a field of the absence form; the overlap and other rules of the API keep their general text. */
export function absenceMessageFor(field: AbsenceField, error: FieldError): string | undefined {
  if (!isShapeError(error) && !(field === 'to' && error.code === 'too_early')) return undefined;
  switch (field) {
    case 'kind':
      return 'Velg type fravær';
    case 'from':
      return 'Skriv inn første dag';
    case 'to':
      return 'Skriv inn siste dag, på eller etter første dag';
  }
}

export const validateAbsence = (values: AbsenceFormValues) =>
  validateWith(createAbsenceRequest, { kind: values.kind || undefined, from: values.from || undefined, to: values.to || undefined }, ABSENCE_FIELDS, absenceMessageFor);

/**
 * The planned end date if the absence being typed were added, with the shared rule the API uses
 * over the agreement's share history;
 * null while the dates are incomplete or the wrong way round.
 */
export function plannedEndWithAbsence(
  agreement: Pick<Agreement, 'startDate' | 'positionPercent' | 'positionHistory'>,
  absences: readonly Pick<Absence, 'from' | 'to'>[],
  values: Pick<AbsenceFormValues, 'from' | 'to'>,
): string | null {
  if (!isIsoDate(values.from) || !isIsoDate(values.to) || values.from > values.to) return null;
  // The share over time, as the API counts it (an agreement always has at least its first share).
  const shares = agreement.positionHistory.length > 0 ? agreement.positionHistory : agreement.positionPercent;
  return plannedEndDate(agreement.startDate, shares, [...absences, { from: values.from, to: values.to }]);
}
