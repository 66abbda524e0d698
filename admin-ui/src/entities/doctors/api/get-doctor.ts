import { type Doctor, doctor } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** A doctor with the ETag it was read at, for `If-Match` on the next change. */
export interface VersionedDoctor {
  doctor: Doctor;
  etag: string | null;
}

export const doctorQueryKey = (id: string) => ['doctors', 'detail', id] as const;

export async function getDoctor(id: string, signal?: AbortSignal): Promise<VersionedDoctor> {
  const { data, headers } = await api.get(`/doctors/${encodeURIComponent(id)}`, doctor, { signal });
  return { doctor: data, etag: headers.get('etag') };
}

export const doctorQueryOptions = (id: string) =>
  queryOptions({
    queryKey: doctorQueryKey(id),
    queryFn: ({ signal }) => getDoctor(id, signal),
  });

export const useDoctor = (id: string, enabled = true) => useQuery({ ...doctorQueryOptions(id), enabled });
