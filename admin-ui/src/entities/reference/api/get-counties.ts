import { countyList } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { REFERENCE_STALE_MS, referenceKeys } from './keys';

export async function getCounties(signal?: AbortSignal) {
  return (await api.get('/counties', countyList, { signal })).data.items;
}

export const countiesQueryOptions = () =>
  queryOptions({ queryKey: referenceKeys.counties(), queryFn: ({ signal }) => getCounties(signal), staleTime: REFERENCE_STALE_MS });

export const useCounties = () => useQuery(countiesQueryOptions());
