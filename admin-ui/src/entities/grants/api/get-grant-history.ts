import { grantHistory } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { applicationPath, grantKeys } from './keys';

/** The status changes of an application, newest first (an application has a handful). */
export async function getGrantHistory(id: string, signal?: AbortSignal) {
  return (await api.get(applicationPath(id, 'history'), grantHistory, { query: { limit: 200 }, signal })).data.items;
}

export const grantHistoryQueryOptions = (id: string) => queryOptions({ queryKey: grantKeys.history(id), queryFn: ({ signal }) => getGrantHistory(id, signal) });

export const useGrantHistory = (id: string) => useQuery(grantHistoryQueryOptions(id));
