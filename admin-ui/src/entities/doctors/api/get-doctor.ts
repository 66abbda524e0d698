import { type Doctor, doctor } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Versioned, api, versioned } from '../../../lib/api-client';
import { doctorKeys } from './keys';

export type VersionedDoctor = Versioned<Doctor>;

export async function getDoctor(id: string, signal?: AbortSignal): Promise<VersionedDoctor> {
  return versioned(await api.get(`/doctors/${encodeURIComponent(id)}`, doctor, { signal }));
}

export const doctorQueryOptions = (id: string) => queryOptions({ queryKey: doctorKeys.detail(id), queryFn: ({ signal }) => getDoctor(id, signal) });

export const useDoctor = (id: string, enabled = true) => useQuery({ ...doctorQueryOptions(id), enabled });
