import type { MunicipalityListParams } from '../../../entities/municipalities/api/get-municipalities';

export const PAGE_SIZE = 50;

/** The list's filters as kept in the URL's search params (same names as the API's query). */
export interface MunicipalityFilters {
  q: string;
  officeCode: string;
  countyNumber: string;
  recruitmentChallenged: '' | 'true' | 'false';
}

export const FILTER_KEYS = ['q', 'officeCode', 'countyNumber', 'recruitmentChallenged'] as const;

export function filtersFromSearchParams(params: URLSearchParams): MunicipalityFilters {
  const challenged = params.get('recruitmentChallenged');
  return {
    q: params.get('q') ?? '',
    officeCode: params.get('officeCode') ?? '',
    countyNumber: params.get('countyNumber') ?? '',
    recruitmentChallenged: challenged === 'true' || challenged === 'false' ? challenged : '',
  };
}

/** Updates one filter in the search params, dropping empty ones so URLs stay short. */
export function withFilter(params: URLSearchParams, key: keyof MunicipalityFilters, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value.trim() === '') next.delete(key);
  else next.set(key, value.trim());
  return next;
}

export function toListParams(filters: MunicipalityFilters, cursor: string | undefined): MunicipalityListParams {
  const params: MunicipalityListParams = { limit: PAGE_SIZE };
  const q = filters.q.trim();
  if (q) params.q = q;
  if (filters.officeCode) params.officeCode = filters.officeCode;
  if (filters.countyNumber) params.countyNumber = filters.countyNumber;
  if (filters.recruitmentChallenged) params.recruitmentChallenged = filters.recruitmentChallenged;
  if (cursor) params.cursor = cursor;
  return params;
}

export const hasActiveFilters = (filters: MunicipalityFilters) => FILTER_KEYS.some((key) => filters[key] !== '');
