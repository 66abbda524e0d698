import { pageOf, supervisor, supervisorPage } from '@alis/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { supervisorKeys } from './keys';

/** A search within the caller's scope finds supervisors in full. */
const supervisorsInScope = pageOf(supervisor);

/** The query of `GET /supervisors` (see `listSupervisorsQuery`), as sent in the URL. */
export interface SupervisorListParams {
  q?: string;
  /** Working in, or supervising an agreement in, this municipality. */
  kommunenummer?: string;
  qualified?: 'true' | 'false';
  overCapacity?: 'true' | 'false';
  limit?: number;
  cursor?: string;
}

export async function getSupervisors(params: SupervisorListParams, signal?: AbortSignal) {
  return (await api.get('/supervisors', supervisorsInScope, { query: { ...params }, signal })).data;
}

/** An exact HPR number finds the supervisor whatever the scope; outside it only as a reference (id and number). */
export async function lookUpSupervisor(hprNumber: string, signal?: AbortSignal) {
  return (await api.get('/supervisors', supervisorPage, { query: { hprNumber, limit: 1 }, signal })).data;
}

export const supervisorLookupQueryOptions = (hprNumber: string) =>
  queryOptions({ queryKey: supervisorKeys.list({ hprNumber }), queryFn: ({ signal }) => lookUpSupervisor(hprNumber, signal) });

export const supervisorsQueryOptions = (params: SupervisorListParams) =>
  queryOptions({ queryKey: supervisorKeys.list(params), queryFn: ({ signal }) => getSupervisors(params, signal), placeholderData: keepPreviousData });

export const useSupervisors = (params: SupervisorListParams, enabled = true) => useQuery({ ...supervisorsQueryOptions(params), enabled });
