import { type Specialty, registrationHistory } from '@alis/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { registrationKeys, registrationPath } from './keys';

export const HISTORY_PAGE_SIZE = 20;

export async function getRegistrationHistory(kommunenummer: string, specialty: Specialty, cursor: string | undefined, signal?: AbortSignal) {
  const query = { specialty, limit: HISTORY_PAGE_SIZE, cursor };
  return (await api.get(registrationPath(kommunenummer, 'history'), registrationHistory, { query, signal })).data;
}

export const registrationHistoryQueryOptions = (kommunenummer: string, specialty: Specialty) =>
  infiniteQueryOptions({
    queryKey: registrationKeys.history(kommunenummer, specialty),
    queryFn: ({ pageParam, signal }) => getRegistrationHistory(kommunenummer, specialty, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useRegistrationHistory = (kommunenummer: string, specialty: Specialty) =>
  useInfiniteQuery(registrationHistoryQueryOptions(kommunenummer, specialty));
