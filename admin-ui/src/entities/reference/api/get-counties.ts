import { countyList } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export async function getCounties(signal?: AbortSignal) {
  const { data } = await api.get('/counties', countyList, { signal });
  return data.items;
}

export const countiesQueryOptions = () =>
  queryOptions({
    queryKey: ['reference', 'counties'],
    queryFn: ({ signal }) => getCounties(signal),
    staleTime: 60 * 60 * 1000,
  });

export const useCounties = () => useQuery(countiesQueryOptions());
