import { supervisionList } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const supervisionsQueryKey = (agreementId: string) => ['agreements', 'supervisions', agreementId] as const;

export async function getSupervisions(agreementId: string, signal?: AbortSignal) {
  const { data } = await api.get(`/agreements/${encodeURIComponent(agreementId)}/supervisions`, supervisionList, { signal });
  return data.items;
}

export const supervisionsQueryOptions = (agreementId: string) =>
  queryOptions({
    queryKey: supervisionsQueryKey(agreementId),
    queryFn: ({ signal }) => getSupervisions(agreementId, signal),
  });

export const useSupervisions = (agreementId: string) => useQuery(supervisionsQueryOptions(agreementId));
