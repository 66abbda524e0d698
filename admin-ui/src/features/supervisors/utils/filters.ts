import { filtersFrom, setFilters } from '../../../lib/url-filters';
import type { SupervisorListParams } from '../../../entities/supervisors/api/get-supervisors';

export const SUPERVISOR_PAGE_SIZE = 50;
export const SUPERVISOR_FILTER_KEYS = ['q', 'kommunenummer', 'qualified', 'overCapacity'] as const;
export type SupervisorFilters = Record<(typeof SUPERVISOR_FILTER_KEYS)[number], string>;

export const supervisorFiltersFrom = (params: URLSearchParams): SupervisorFilters => {
  const filters = filtersFrom(params, SUPERVISOR_FILTER_KEYS);
  for (const key of ['qualified', 'overCapacity'] as const) {
    if (filters[key] !== 'true' && filters[key] !== 'false') filters[key] = '';
  }
  return filters;
};

export function toSupervisorListParams(filters: SupervisorFilters, cursor: string | undefined): SupervisorListParams {
  return { ...(setFilters(filters) as SupervisorListParams), limit: SUPERVISOR_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
}
