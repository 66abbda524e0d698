import type { Specialty } from '@alis/shared';

/**
 * Query keys of municipalities' registrations; every key starts with `all`. A municipality has one
 * registration per specialty (general practice `ALM`, community medicine `SAM`), so each key names it
 * and the two never share a cache entry.
 */
export const registrationKeys = {
  all: ['registrations'] as const,
  detail: (kommunenummer: string, specialty: Specialty) => [...registrationKeys.all, 'detail', kommunenummer, specialty] as const,
  history: (kommunenummer: string, specialty: Specialty) => [...registrationKeys.all, 'history', kommunenummer, specialty] as const,
};

/** A municipality's registration lives below it: `/municipalities/{k}/registration`, the specialty in `?specialty=`. */
export const registrationPath = (kommunenummer: string, ...below: string[]) =>
  [`/municipalities/${encodeURIComponent(kommunenummer)}/registration`, ...below].join('/');
