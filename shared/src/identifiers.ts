import { z } from 'zod';

/**
 * Identifiers of the domain: pure checks (usable anywhere) and the zod schemas every request,
 * path and query string uses. A failed check is an `invalid_format` field error naming the format.
 */

/**
 * Organisation number (organisasjonsnummer): 9 digits, the last a MOD11 check digit with weights
 * 3,2,7,6,5,4,3,2 over the first eight. Remainder 0 gives check 0; a computed check of 10 is invalid.
 */
export function isValidOrganisationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === Number(value[8]);
}

/** Accepts "123 456 789" as typed by people; the stored form is the nine digits. */
export function normaliseOrganisationNumber(value: string): string {
  return value.replace(/\s+/g, '');
}

/**
 * HPR number: 7–9 digits, no public check digit. The canonical form has no leading zeros, so
 * "0012345678" and "12345678" are the same person.
 */
export function canonicalHprNumber(value: string): string | null {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const canonical = trimmed.replace(/^0+/, '');
  return /^\d{7,9}$/.test(canonical) ? canonical : null;
}

/** Format only: whether the municipality exists is a question for the reference table. */
export function isKommunenummerFormat(value: string): boolean {
  return /^\d{4}$/.test(value);
}

export const isCountyNumberFormat = (value: string) => /^\d{2}$/.test(value);
export const isOfficeCodeFormat = (value: string) => /^[a-z]{2,16}$/.test(value);

/**
 * A string check that fails as `invalid_format` with the format's name (see FIELD_ERROR_PARAMS).
 * `maxLength` is the longest value the format allows: the check refuses anything longer, and the
 * schema states it (OpenAPI) without a second error beside the format's.
 */
export const formatted = (format: string, test: (value: string) => boolean, message: string, maxLength: number) =>
  z.string().refine(test, { message, params: { code: 'invalid_format', format } }).meta({ maxLength });

export const kommunenummer = formatted('kommunenummer', isKommunenummerFormat, 'must be a four-digit kommunenummer such as "0301"', 4);
export const countyNumber = formatted('county_number', isCountyNumberFormat, 'must be a two-digit county number', 2);
export const officeCode = formatted('office_code', isOfficeCodeFormat, 'must be an office code such as "nord"', 16);

/** HPR number in, canonical form out ("0012345678" → "12345678"). */
export const hprNumber = z
  .union([z.string().max(64), z.number().int().nonnegative().transform(String)])
  .transform((value, ctx) => {
    const canonical = canonicalHprNumber(value);
    if (canonical === null) {
      ctx.addIssue({ code: 'custom', message: 'must be an HPR number: 7–9 digits', params: { code: 'invalid_format', format: 'hpr_number' } });
      return z.NEVER;
    }
    return canonical;
  });

export const organisationNumber = z
  .string()
  .max(64)
  .transform(normaliseOrganisationNumber)
  .refine(isValidOrganisationNumber, {
    message: 'must be a valid organisation number (9 digits, MOD11 check digit)',
    params: { code: 'invalid_format', format: 'organisation_number' },
  });

/** Path parameters of resources addressed by id. */
export const idParams = z.object({ id: z.uuid() }).strict();
export const municipalityParams = z.object({ kommunenummer }).strict();
