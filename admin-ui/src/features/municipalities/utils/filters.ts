import type { MunicipalityListParams } from '../../../entities/municipalities/api/get-municipalities';
import { registrationStatuses } from '@alis/shared';
import { filtersFrom, listParams, oneOf } from '../../../lib/url-filters';

/** How the list can be sorted (`?sort=`); empty is the API's default, by kommunenummer. */
export const MUNICIPALITY_SORT_LABELS = { name: 'Navn (A–Å)', '-name': 'Navn (Å–A)', '-kommunenummer': 'Kommunenummer, synkende' } as const;

/** The list's filters as kept in the URL's search params (same names as the API's query). */
export const MUNICIPALITY_FILTER_KEYS = ['q', 'officeCode', 'countyNumber', 'recruitmentChallenged', 'registrationStatus', 'sort'] as const;
export type MunicipalityFilters = Record<(typeof MUNICIPALITY_FILTER_KEYS)[number], string>;

export function municipalityFiltersFrom(params: URLSearchParams): MunicipalityFilters {
  const filters = filtersFrom(params, MUNICIPALITY_FILTER_KEYS);
  return {
    ...filters,
    recruitmentChallenged: oneOf(filters.recruitmentChallenged, ['true', 'false']),
    registrationStatus: oneOf(filters.registrationStatus, registrationStatuses),
    sort: oneOf(filters.sort, Object.keys(MUNICIPALITY_SORT_LABELS)),
  };
}

export const toMunicipalityListParams = (filters: MunicipalityFilters): MunicipalityListParams => listParams(filters) as MunicipalityListParams;
