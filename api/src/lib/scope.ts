import type { Principal } from './principal.js';

/**
 * The municipalities a caller may see: an office user those of its office, a municipality client
 * its own, everyone else all. A null field means "no restriction"; the empty string matches none.
 */
export interface MunicipalityScope {
  officeCode: string | null;
  kommunenummer: string | null;
}

export function municipalityScope(principal: Principal): MunicipalityScope {
  switch (principal.role) {
    case 'office':
      return { officeCode: principal.officeCode ?? '', kommunenummer: null };
    case 'municipality':
      return { officeCode: null, kommunenummer: principal.kommunenummer ?? '' };
    default:
      return { officeCode: null, kommunenummer: null };
  }
}

/** A scope's part of a prepared statement's shape: which restrictions it has. */
export const scopeShape = (scope: MunicipalityScope | null) =>
  scope === null ? 'any' : `${scope.officeCode === null ? '-' : 'o'}${scope.kommunenummer === null ? '-' : 'k'}`;

/** A scope's placeholder values (`scopeOffice`, `scopeKommune`), for the conditions that bind them. */
export const scopeValues = (scope: MunicipalityScope | null) => ({
  scopeOffice: scope?.officeCode ?? null,
  scopeKommune: scope?.kommunenummer ?? null,
});
