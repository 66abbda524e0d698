import { type Absence, type AbsencePeriod, type Agreement, type FieldError, createAbsenceRequest, daysBetween, firstOverlap, plannedEndDate } from '@alis/shared';
import type { z } from 'zod';
import { type Validation, isIsoDate, isShapeError, validateWith, withRuleErrors } from '../../../lib/form';
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

/** An absence already recorded that the one being typed overlaps (the API refuses it), if any. */
export function overlappingAbsence<A extends Pick<Absence, 'from' | 'to'>>(absences: readonly A[], values: Pick<AbsenceFormValues, 'from' | 'to'>): A | undefined {
  if (!isIsoDate(values.from) || !isIsoDate(values.to) || values.from > values.to) return undefined;
  return firstOverlap(absences, { from: values.from, to: values.to });
}

/** The absence checked with the shared schema and, against the absences already recorded, the shared overlap rule. */
export function validateAbsence(values: AbsenceFormValues, absences: readonly Absence[] = []): Validation<z.output<typeof createAbsenceRequest>, AbsenceField> {
  const validation = validateWith(
    createAbsenceRequest,
    { kind: values.kind || undefined, from: values.from || undefined, to: values.to || undefined },
    ABSENCE_FIELDS,
    absenceMessageFor,
  );
  const overlap = overlappingAbsence(absences, values);
  const overlaps: FieldError[] = overlap
    ? [{ path: 'from', code: 'overlaps', message: 'overlaps an absence', params: { id: overlap.id, from: overlap.from, to: overlap.to } }]
    : [];
  return withRuleErrors(validation, overlaps, ABSENCE_FIELDS, absenceMessageFor);
}

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
  // An overlapping absence is refused by the API: no new end date to promise.
  if (overlappingAbsence(absences, values)) return null;
  // The share over time, as the API counts it (an agreement always has at least its first share).
  const shares = agreement.positionHistory.length > 0 ? agreement.positionHistory : agreement.positionPercent;
  return plannedEndDate(agreement.startDate, shares, [...absences, { from: values.from, to: values.to }]);
}
