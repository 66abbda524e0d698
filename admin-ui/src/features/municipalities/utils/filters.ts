import type { MunicipalityListParams } from '../../../entities/municipalities/api/get-municipalities';
import { filtersFrom, listParams, oneOf } from '../../../lib/url-filters';

/** The list's filters as kept in the URL's search params (same names as the API's query). */
export const MUNICIPALITY_FILTER_KEYS = ['q', 'officeCode', 'countyNumber', 'recruitmentChallenged'] as const;
export type MunicipalityFilters = Record<(typeof MUNICIPALITY_FILTER_KEYS)[number], string>;

export function municipalityFiltersFrom(params: URLSearchParams): MunicipalityFilters {
  const filters = filtersFrom(params, MUNICIPALITY_FILTER_KEYS);
  return { ...filters, recruitmentChallenged: oneOf(filters.recruitmentChallenged, ['true', 'false']) };
}

export const toMunicipalityListParams = (filters: MunicipalityFilters): MunicipalityListParams => listParams(filters) as MunicipalityListParams;
