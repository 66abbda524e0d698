import { type User, user } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Versioned, api, versioned } from '../../../lib/api-client';
import { userKeys } from './keys';

export type VersionedUser = Versioned<User>;

export async function getUser(id: string, signal?: AbortSignal): Promise<VersionedUser> {
  return versioned(await api.get(`/users/${encodeURIComponent(id)}`, user, { signal }));
}

export const userQueryOptions = (id: string) => queryOptions({ queryKey: userKeys.detail(id), queryFn: ({ signal }) => getUser(id, signal) });

export const useUser = (id: string, enabled = true) => useQuery({ ...userQueryOptions(id), enabled });
