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
