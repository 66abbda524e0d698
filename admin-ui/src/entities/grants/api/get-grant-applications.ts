import { type GrantApplicationStatus, grantApplicationPage } from '@alis/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { grantKeys } from './keys';

/** The filters of `GET /grant-applications` (see `listGrantApplicationsQuery`), as sent in the URL. */
export interface GrantApplicationFilters {
  kommunenummer?: string;
  officeCode?: string;
  schemeCode?: string;
  status?: GrantApplicationStatus;
}

export interface GrantApplicationListParams extends GrantApplicationFilters {
  limit?: number;
  cursor?: string;
}

export async function getGrantApplications(params: GrantApplicationListParams, signal?: AbortSignal) {
  return (await api.get('/grant-applications', grantApplicationPage, { query: { ...params }, signal })).data;
}

export const grantApplicationsQueryOptions = (params: GrantApplicationListParams) =>
  queryOptions({ queryKey: grantKeys.list(params), queryFn: ({ signal }) => getGrantApplications(params, signal), placeholderData: keepPreviousData });

export const useGrantApplications = (params: GrantApplicationListParams) => useQuery(grantApplicationsQueryOptions(params));
