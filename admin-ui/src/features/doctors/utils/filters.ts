import { filtersFrom, setFilters } from '../../../lib/url-filters';
import type { DoctorListParams } from '../../../entities/doctors/api/get-doctors';

export const DOCTOR_PAGE_SIZE = 50;
export const DOCTOR_FILTER_KEYS = ['q', 'kommunenummer'] as const;
export type DoctorFilters = Record<(typeof DOCTOR_FILTER_KEYS)[number], string>;

export const doctorFiltersFrom = (params: URLSearchParams): DoctorFilters => filtersFrom(params, DOCTOR_FILTER_KEYS);

export function toDoctorListParams(filters: DoctorFilters, cursor: string | undefined): DoctorListParams {
  return { ...setFilters(filters), limit: DOCTOR_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
}
