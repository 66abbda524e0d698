import { type Agreement, agreement } from '@alis/shared';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** An agreement with the ETag it was read at, for `If-Match` on the next change or transition. */
export interface VersionedAgreement {
  agreement: Agreement;
  etag: string | null;
}

export const agreementQueryKey = (id: string) => ['agreements', 'detail', id] as const;

export async function getAgreement(id: string, signal?: AbortSignal): Promise<VersionedAgreement> {
  const { data, headers } = await api.get(`/agreements/${encodeURIComponent(id)}`, agreement, { signal });
  return { agreement: data, etag: headers.get('etag') };
}

export const agreementQueryOptions = (id: string) =>
  queryOptions({
    queryKey: agreementQueryKey(id),
    queryFn: ({ signal }) => getAgreement(id, signal),
  });

export const useAgreement = (id: string, enabled = true) => useQuery({ ...agreementQueryOptions(id), enabled });

/**
 * After anything that changes an agreement: its detail (planned end date, warnings, veileder),
 * the lists it is in, and the supervisors whose load it counts in.
 */
export async function refreshAgreement(queryClient: QueryClient, id: string, fresh?: VersionedAgreement) {
  if (fresh?.etag) queryClient.setQueryData(agreementQueryKey(id), fresh);
  else await queryClient.invalidateQueries({ queryKey: agreementQueryKey(id) });
  void queryClient.invalidateQueries({ queryKey: ['agreements', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['supervisors'] });
}
