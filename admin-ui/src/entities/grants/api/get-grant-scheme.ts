import { type GrantScheme, grantScheme } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Versioned, api, versioned } from '../../../lib/api-client';
import { grantKeys, schemePath } from './keys';

export type VersionedGrantScheme = Versioned<GrantScheme>;

export async function getGrantScheme(code: string, signal?: AbortSignal): Promise<VersionedGrantScheme> {
  return versioned(await api.get(schemePath(code), grantScheme, { signal }));
}

export const grantSchemeQueryOptions = (code: string) =>
  queryOptions({ queryKey: grantKeys.scheme(code), queryFn: ({ signal }) => getGrantScheme(code, signal) });

export const useGrantScheme = (code: string, enabled = true) => useQuery({ ...grantSchemeQueryOptions(code), enabled });
