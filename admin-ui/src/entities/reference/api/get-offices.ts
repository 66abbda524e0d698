import { officeList } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export async function getOffices(signal?: AbortSignal) {
  const { data } = await api.get('/offices', officeList, { signal });
  return data.items;
}

export const officesQueryOptions = () =>
  queryOptions({
    queryKey: ['reference', 'offices'],
    queryFn: ({ signal }) => getOffices(signal),
    staleTime: 60 * 60 * 1000,
  });

export const useOffices = () => useQuery(officesQueryOptions());
