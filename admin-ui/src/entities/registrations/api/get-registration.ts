import { type Registration, type Specialty, registration } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Versioned, api, versioned } from '../../../lib/api-client';
import { registrationKeys, registrationPath } from './keys';

/** The registration with the ETag it was read at ("v0" before it is first saved). */
export type VersionedRegistration = Versioned<Registration>;

export async function getRegistration(kommunenummer: string, specialty: Specialty, signal?: AbortSignal): Promise<VersionedRegistration> {
  return versioned(await api.get(registrationPath(kommunenummer), registration, { query: { specialty }, signal }));
}

export const registrationQueryOptions = (kommunenummer: string, specialty: Specialty) =>
  queryOptions({
    queryKey: registrationKeys.detail(kommunenummer, specialty),
    queryFn: ({ signal }) => getRegistration(kommunenummer, specialty, signal),
  });

export const useRegistration = (kommunenummer: string, specialty: Specialty, enabled = true) =>
  useQuery({ ...registrationQueryOptions(kommunenummer, specialty), enabled });
