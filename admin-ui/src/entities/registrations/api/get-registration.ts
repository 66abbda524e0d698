import { type Registration, registration } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Versioned, api, versioned } from '../../../lib/api-client';
import { registrationKeys, registrationPath } from './keys';

/** The registration with the ETag it was read at ("v0" before it is first saved). */
export type VersionedRegistration = Versioned<Registration>;

export async function getRegistration(kommunenummer: string, signal?: AbortSignal): Promise<VersionedRegistration> {
  return versioned(await api.get(registrationPath(kommunenummer), registration, { signal }));
}

export const registrationQueryOptions = (kommunenummer: string) =>
  queryOptions({ queryKey: registrationKeys.detail(kommunenummer), queryFn: ({ signal }) => getRegistration(kommunenummer, signal) });

export const useRegistration = (kommunenummer: string, enabled = true) => useQuery({ ...registrationQueryOptions(kommunenummer), enabled });
