import { type FieldError, type GrantApplication, type GrantLineType, lineAmount, updateGrantApplicationRequest } from '@alis/shared';
import type { z } from 'zod';
import { type Changes, type Validation, isShapeError, parseWholeNumber, textOrNull, validateWith } from '../../../lib/form';

/** A line as the form holds it: numbers as typed, and who and what it is about as shown. */
export interface LineValues {
  /** The saved line's id, or `new-…` for a line added in the form. */
  key: string;
  agreementId: string | null;
  doctorId: string;
  doctorName: string;
  hprNumber: string;
  lineType: GrantLineType;
  positionPercent: string;
  months: string;
}

export interface LinesFormValues {
  lines: LineValues[];
  notes: string;
}

export type LinesField = keyof LinesFormValues;
export const LINES_FIELDS: readonly LinesField[] = ['lines', 'notes'];
export const LINES_FIELD_LABELS: Record<LinesField, string> = { lines: 'Linjer', notes: 'Merknad' };

export function toLinesFormValues(application: GrantApplication): LinesFormValues {
  return {
    lines: application.lines.map((line) => ({
      key: line.id,
      agreementId: line.agreementId,
      doctorId: line.doctor.id,
      doctorName: line.doctor.name,
      hprNumber: line.doctor.hprNumber,
      lineType: line.lineType,
      positionPercent: String(line.positionPercent),
      months: String(line.months),
    })),
    notes: application.notes ?? '',
  };
}

const whole = (value: string) => parseWholeNumber(value.replace(/%/g, ''));

/** The lines as the PATCH body takes them (numbers as typed; the shared schema checks them). */
const bodyLines = (lines: readonly LineValues[]) =>
  lines.map((line) => ({
    agreementId: line.agreementId,
    doctorId: line.doctorId,
    lineType: line.lineType,
    positionPercent: whole(line.positionPercent) ?? undefined,
    months: whole(line.months) ?? undefined,
  }));

/** What differs from the application as loaded, in the shape the PATCH body takes (all lines, when any changed). */
export function changedLines(values: LinesFormValues, original: GrantApplication): Changes {
  const changes: Changes = {};
  const before = JSON.stringify(bodyLines(toLinesFormValues(original).lines));
  const after = bodyLines(values.lines);
  if (JSON.stringify(after) !== before) changes.lines = after;
  if (textOrNull(values.notes) !== original.notes) changes.notes = values.notes;
  return changes;
}

/** Norwegian wording of the schema's own errors on the lines and the notes. */
export function linesMessageFor(field: LinesField, issue: FieldError): string | undefined {
  if (!isShapeError(issue)) return undefined;
  if (field === 'notes') return 'Merknaden kan ha høyst 4000 tegn';
  const [, index, what] = issue.path.split('.');
  const line = index === undefined ? '' : `Linje ${Number(index) + 1}: `;
  if (what === 'months') return `${line}antall måneder må være et helt tall`;
  if (what === 'positionPercent') return `${line}stillingsprosenten må være et helt tall`;
  return `${line}ugyldig verdi`;
}

export const validateLines = (changes: Changes): Validation<z.output<typeof updateGrantApplicationRequest>, LinesField> =>
  validateWith(updateGrantApplicationRequest, changes, LINES_FIELDS, linesMessageFor);

/**
 * A line's amount as it will be with what the form holds, by the shared rule, when the rate is
 * known (the saved line's, for the same line type); null when it must be saved to be known.
 */
export function previewAmount(line: LineValues, saved: { lineType: GrantLineType; annualRateNok: number | null } | undefined): number | null {
  const percent = whole(line.positionPercent);
  const months = whole(line.months);
  if (!saved || saved.annualRateNok === null || saved.lineType !== line.lineType) return null;
  if (percent === null || months === null || !Number.isInteger(percent) || !Number.isInteger(months) || percent < 0 || months < 0) return null;
  return lineAmount(saved.annualRateNok, percent, months);
}
