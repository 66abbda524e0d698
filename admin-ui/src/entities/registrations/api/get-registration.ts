import { type Registration, registration } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The registration with the ETag it was read at ("v0" before it is first saved). */
export interface VersionedRegistration {
  registration: Registration;
  etag: string | null;
}

export const registrationQueryKey = (kommunenummer: string) => ['registrations', 'detail', kommunenummer] as const;

const path = (kommunenummer: string) => `/municipalities/${encodeURIComponent(kommunenummer)}/registration`;
export { path as registrationPath };

export async function getRegistration(kommunenummer: string, signal?: AbortSignal): Promise<VersionedRegistration> {
  const { data, headers } = await api.get(path(kommunenummer), registration, { signal });
  return { registration: data, etag: headers.get('etag') };
}

export const registrationQueryOptions = (kommunenummer: string) =>
  queryOptions({
    queryKey: registrationQueryKey(kommunenummer),
    queryFn: ({ signal }) => getRegistration(kommunenummer, signal),
  });

export const useRegistration = (kommunenummer: string, enabled = true) => useQuery({ ...registrationQueryOptions(kommunenummer), enabled });
