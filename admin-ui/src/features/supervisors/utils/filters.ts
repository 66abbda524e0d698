import type { SupervisorListParams } from '../../../entities/supervisors/api/get-supervisors';
import { filtersFrom, listParams, oneOf } from '../../../lib/url-filters';

export const SUPERVISOR_FILTER_KEYS = ['q', 'kommunenummer', 'qualified', 'overCapacity'] as const;
export type SupervisorFilters = Record<(typeof SUPERVISOR_FILTER_KEYS)[number], string>;

export function supervisorFiltersFrom(params: URLSearchParams): SupervisorFilters {
  const filters = filtersFrom(params, SUPERVISOR_FILTER_KEYS);
  return { ...filters, qualified: oneOf(filters.qualified, ['true', 'false']), overCapacity: oneOf(filters.overCapacity, ['true', 'false']) };
}

export const toSupervisorListParams = (filters: SupervisorFilters): SupervisorListParams => listParams(filters) as SupervisorListParams;
