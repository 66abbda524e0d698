import { type FieldError, fieldErrorsFromIssues } from '@alis/shared';
import type { z } from 'zod';
import { fieldErrorText } from './field-error-text';

/** A Norwegian message beside each field that has one. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** A form's values checked into a request body, or what is wrong with them: beside the fields, and the rest. */
export type Validation<B, F extends string> = { ok: true; data: B } | { ok: false; fieldErrors: FieldErrors<F>; formErrors: string[] };

/**
 * A form's own wording of an error on one of its fields ("Velg stilling"), or undefined for the
 * general text from `fieldErrorText`.
 */
export type FieldMessage<F extends string> = (field: F, error: FieldError) => string | undefined;

/** zod's issues as `errors[]` entries, as the API would send them for the same body. */
export const fieldErrorsOf = (issues: readonly z.core.$ZodIssue[]): FieldError[] => fieldErrorsFromIssues(issues);

/**
 * Errors a request schema finds by itself (absent, wrong type, format or size): a form words these
 * per field. The API's rules about other data (an overlap, an unknown reference …) keep the general
 * text, which carries the details.
 */
export const isShapeError = (error: FieldError) =>
  error.code === 'required' ||
  error.code === 'invalid_type' ||
  error.code === 'invalid_value' ||
  error.code === 'invalid_format' ||
  error.code === 'too_small' ||
  error.code === 'too_big' ||
  error.code === 'invalid';

/**
 * `errors[]` (from the shared check before sending, or the API's 400 and 422) as one Norwegian text
 * beside each field, by the first segment of the path, and the rest as form-level texts.
 */
export function splitFieldErrors<F extends string>(
  errors: readonly FieldError[],
  fields: readonly F[],
  messageFor?: FieldMessage<F>,
): { fieldErrors: FieldErrors<F>; formErrors: string[] } {
  const fieldErrors: FieldErrors<F> = {};
  const formErrors: string[] = [];
  const isField = (name: string): name is F => (fields as readonly string[]).includes(name);
  for (const error of errors) {
    const field = error.path.split('.')[0] ?? '';
    if (isField(field)) {
      const text = messageFor?.(field, error) ?? fieldErrorText(error);
      const before = fieldErrors[field];
      fieldErrors[field] = before === undefined || before === text ? text : `${before}; ${text}`;
    } else {
      const text = fieldErrorText(error);
      formErrors.push(error.path ? `${error.path}: ${text}` : text);
    }
  }
  return { fieldErrors, formErrors };
}

/** The body checked against the shared request schema, as the API will check it, with the form's wording. */
export function validateWith<S extends z.ZodType, F extends string>(
  schema: S,
  body: unknown,
  fields: readonly F[],
  messageFor?: FieldMessage<F>,
): Validation<z.output<S>, F> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, ...splitFieldErrors(fieldErrorsOf(result.error.issues), fields, messageFor) };
}

/** Trimmed text, or null when empty: how optional text fields are sent. */
export const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** A `YYYY-MM-DD` date from a date input, or null when empty. */
export const dateOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** A real calendar date `YYYY-MM-DD` (not 2024-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** "12 345" as people write it; anything that is not a whole number becomes NaN for the schema to reject. */
export function parseWholeNumber(value: string): number | null {
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  return /^-?\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

/** The fields of a PATCH body that differ from the resource, as `changes` helpers build it. */
export type Changes = Record<string, unknown>;

/** `in_future` entries for the dates given that lie after today, as the API words them. */
export function futureDateErrors(dates: Readonly<Record<string, string | null | undefined>>, today: string): FieldError[] {
  return Object.entries(dates)
    .filter(([, value]) => typeof value === 'string' && isIsoDate(value) && value > today)
    .map(([path]) => ({ path, code: 'in_future', message: 'must not be in the future', params: { today } }));
}

/** A check with the shared schema and the rules the shared code knows beyond it (future dates, overlaps …), merged. */
export function withRuleErrors<B, F extends string>(
  validation: Validation<B, F>,
  errors: readonly FieldError[],
  fields: readonly F[],
  messageFor?: FieldMessage<F>,
): Validation<B, F> {
  if (errors.length === 0) return validation;
  const extra = splitFieldErrors(errors, fields, messageFor);
  if (validation.ok) return { ok: false, ...extra };
  const fieldErrors: FieldErrors<F> = { ...extra.fieldErrors, ...validation.fieldErrors };
  return { ok: false, fieldErrors, formErrors: [...validation.formErrors, ...extra.formErrors] };
}
