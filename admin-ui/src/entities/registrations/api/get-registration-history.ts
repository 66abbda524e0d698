import { registrationHistory } from '@alis/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { registrationPath } from './get-registration';

export const HISTORY_PAGE_SIZE = 20;

export async function getRegistrationHistory(kommunenummer: string, cursor: string | undefined, signal?: AbortSignal) {
  const { data } = await api.get(`${registrationPath(kommunenummer)}/history`, registrationHistory, {
    query: { limit: HISTORY_PAGE_SIZE, cursor },
    signal,
  });
  return data;
}

export const registrationHistoryQueryOptions = (kommunenummer: string) =>
  infiniteQueryOptions({
    queryKey: ['registrations', 'history', kommunenummer],
    queryFn: ({ pageParam, signal }) => getRegistrationHistory(kommunenummer, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useRegistrationHistory = (kommunenummer: string) => useInfiniteQuery(registrationHistoryQueryOptions(kommunenummer));
