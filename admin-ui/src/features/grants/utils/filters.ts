import { grantApplicationStatuses } from '@alis/shared';
import type { GrantApplicationListParams } from '../../../entities/grants/api/get-grant-applications';
import { filtersFrom, listParams, oneOf } from '../../../lib/url-filters';

export const GRANT_FILTER_KEYS = ['kommunenummer', 'officeCode', 'schemeCode', 'status'] as const;
export type GrantFilters = Record<(typeof GRANT_FILTER_KEYS)[number], string>;

/** The filters from the URL; values the API would reject are dropped rather than sent. */
export function grantFiltersFrom(params: URLSearchParams): GrantFilters {
  const filters = filtersFrom(params, GRANT_FILTER_KEYS);
  return {
    ...filters,
    kommunenummer: /^\d{4}$/.test(filters.kommunenummer) ? filters.kommunenummer : '',
    officeCode: /^[a-z]{2,16}$/.test(filters.officeCode) ? filters.officeCode : '',
    schemeCode: /^[a-z0-9][a-z0-9-]{1,39}$/.test(filters.schemeCode) ? filters.schemeCode : '',
    status: oneOf(filters.status, grantApplicationStatuses),
  };
}

export const toGrantListParams = (filters: GrantFilters): GrantApplicationListParams => listParams(filters) as GrantApplicationListParams;
