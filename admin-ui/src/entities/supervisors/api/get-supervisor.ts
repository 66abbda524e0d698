import { type SupervisorDetail, supervisorDetail } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** A supervisor with current load and supervisions, and the ETag it was read at. */
export interface VersionedSupervisor {
  supervisor: SupervisorDetail;
  etag: string | null;
}

export const supervisorQueryKey = (id: string) => ['supervisors', 'detail', id] as const;

export async function getSupervisor(id: string, signal?: AbortSignal): Promise<VersionedSupervisor> {
  const { data, headers } = await api.get(`/supervisors/${encodeURIComponent(id)}`, supervisorDetail, { signal });
  return { supervisor: data, etag: headers.get('etag') };
}

export const supervisorQueryOptions = (id: string) =>
  queryOptions({
    queryKey: supervisorQueryKey(id),
    queryFn: ({ signal }) => getSupervisor(id, signal),
  });

export const useSupervisor = (id: string, enabled = true) => useQuery({ ...supervisorQueryOptions(id), enabled });
