import { grantApplicationSummary } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { GrantApplicationFilters } from './get-grant-applications';
import { grantKeys } from './keys';

/** `GET /grant-applications/summary`: counts and sums over every application the filters match, not a page. */
export async function getGrantSummary(filters: GrantApplicationFilters, signal?: AbortSignal) {
  return (await api.get('/grant-applications/summary', grantApplicationSummary, { query: { ...filters }, signal })).data;
}

export const grantSummaryQueryOptions = (filters: GrantApplicationFilters) =>
  queryOptions({ queryKey: grantKeys.summary(filters), queryFn: ({ signal }) => getGrantSummary(filters, signal) });

export const useGrantSummary = (filters: GrantApplicationFilters) => useQuery(grantSummaryQueryOptions(filters));
