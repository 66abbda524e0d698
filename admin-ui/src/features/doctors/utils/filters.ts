import type { DoctorListParams } from '../../../entities/doctors/api/get-doctors';
import { filtersFrom, listParams } from '../../../lib/url-filters';

export const DOCTOR_FILTER_KEYS = ['q', 'kommunenummer'] as const;
export type DoctorFilters = Record<(typeof DOCTOR_FILTER_KEYS)[number], string>;

export const doctorFiltersFrom = (params: URLSearchParams): DoctorFilters => filtersFrom(params, DOCTOR_FILTER_KEYS);

export const toDoctorListParams = (filters: DoctorFilters): DoctorListParams => listParams(filters);
