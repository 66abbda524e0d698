import { pageOf, supervisor } from '@alis/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { supervisorKeys } from './keys';

export const supervisorPage = pageOf(supervisor);

/** The query of `GET /supervisors` (see `listSupervisorsQuery`), as sent in the URL. */
export interface SupervisorListParams {
  hprNumber?: string;
  q?: string;
  /** Working in, or supervising an agreement in, this municipality. */
  kommunenummer?: string;
  qualified?: 'true' | 'false';
  overCapacity?: 'true' | 'false';
  limit?: number;
  cursor?: string;
}

export async function getSupervisors(params: SupervisorListParams, signal?: AbortSignal) {
  return (await api.get('/supervisors', supervisorPage, { query: { ...params }, signal })).data;
}

export const supervisorsQueryOptions = (params: SupervisorListParams) =>
  queryOptions({ queryKey: supervisorKeys.list(params), queryFn: ({ signal }) => getSupervisors(params, signal), placeholderData: keepPreviousData });

export const useSupervisors = (params: SupervisorListParams, enabled = true) => useQuery({ ...supervisorsQueryOptions(params), enabled });
