import { officeList } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { REFERENCE_STALE_MS, referenceKeys } from './keys';

export async function getOffices(signal?: AbortSignal) {
  return (await api.get('/offices', officeList, { signal })).data.items;
}

export const officesQueryOptions = () =>
  queryOptions({ queryKey: referenceKeys.offices(), queryFn: ({ signal }) => getOffices(signal), staleTime: REFERENCE_STALE_MS });

export const useOffices = () => useQuery(officesQueryOptions());
