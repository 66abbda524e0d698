import { type FieldError, type SchemaIssue, fieldErrorsFromIssues } from '@alis/shared';
import type { z } from 'zod';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;
export type Issue = Pick<z.core.$ZodIssue, 'code' | 'path' | 'message'>;

/**
 * zod's issues as `errors[]` entries, as the API would send them for the same body. (zod declares its
 * issues as interfaces, which TypeScript will not match to `SchemaIssue`'s index signature.)
 */
export const fieldErrorsOf = (issues: readonly z.core.$ZodIssue[]): FieldError[] =>
  fieldErrorsFromIssues(issues as unknown as readonly SchemaIssue[]);

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

/** Schema issues as one Norwegian message per field, and the rest as form-level messages. */
export function issuesToErrors<F extends string>(
  issues: readonly Issue[],
  fields: readonly F[],
  messageFor: (field: F, issue: Issue) => string,
): { fieldErrors: FieldErrors<F>; formErrors: string[] } {
  const fieldErrors: FieldErrors<F> = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if ((fields as readonly string[]).includes(field)) fieldErrors[field as F] ??= messageFor(field as F, issue);
    else formErrors.push(issue.message);
  }
  return { fieldErrors, formErrors };
}

/** The API's `errors[]` (path = field name) split into messages beside fields and the rest. */
export function splitServerErrors<F extends string>(
  errors: readonly FieldError[],
  fields: readonly F[],
): { fieldErrors: FieldErrors<F>; formErrors: string[] } {
  const fieldErrors: FieldErrors<F> = {};
  const formErrors: string[] = [];
  for (const error of errors) {
    const field = error.path.split('.')[0] ?? '';
    if ((fields as readonly string[]).includes(field)) {
      const key = field as F;
      fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]}; ${error.message}` : error.message;
    } else {
      formErrors.push(error.path ? `${error.path}: ${error.message}` : error.message);
    }
  }
  return { fieldErrors, formErrors };
}

/** `"v7"` from a version number: the API's ETag for it. */
export const etagOfVersion = (version: number) => `"v${version}"`;
