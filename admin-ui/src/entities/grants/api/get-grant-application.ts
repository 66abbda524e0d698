import { type GrantApplication, grantApplication } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Versioned, api, versioned } from '../../../lib/api-client';
import { applicationPath, grantKeys } from './keys';

export type VersionedGrantApplication = Versioned<GrantApplication>;

export async function getGrantApplication(id: string, signal?: AbortSignal): Promise<VersionedGrantApplication> {
  return versioned(await api.get(applicationPath(id), grantApplication, { signal }));
}

export const grantApplicationQueryOptions = (id: string) =>
  queryOptions({ queryKey: grantKeys.detail(id), queryFn: ({ signal }) => getGrantApplication(id, signal) });

export const useGrantApplication = (id: string, enabled = true) => useQuery({ ...grantApplicationQueryOptions(id), enabled });
