import { type SupervisorDetail, supervisorDetail } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Versioned, api, versioned } from '../../../lib/api-client';
import { supervisorKeys } from './keys';

/** A supervisor with current load and supervisions, and the ETag it was read at. */
export type VersionedSupervisor = Versioned<SupervisorDetail>;

export async function getSupervisor(id: string, signal?: AbortSignal): Promise<VersionedSupervisor> {
  return versioned(await api.get(`/supervisors/${encodeURIComponent(id)}`, supervisorDetail, { signal }));
}

export const supervisorQueryOptions = (id: string) =>
  queryOptions({ queryKey: supervisorKeys.detail(id), queryFn: ({ signal }) => getSupervisor(id, signal) });

export const useSupervisor = (id: string, enabled = true) => useQuery({ ...supervisorQueryOptions(id), enabled });
