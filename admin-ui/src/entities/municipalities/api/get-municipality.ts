import { type Municipality, municipality } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** A municipality with the ETag it was read at, for `If-Match` on the next change. */
export interface VersionedMunicipality {
  municipality: Municipality;
  etag: string | null;
}

export const municipalityQueryKey = (kommunenummer: string) => ['municipalities', 'detail', kommunenummer] as const;

export async function getMunicipality(kommunenummer: string, signal?: AbortSignal): Promise<VersionedMunicipality> {
  const { data, headers } = await api.get(`/municipalities/${encodeURIComponent(kommunenummer)}`, municipality, { signal });
  return { municipality: data, etag: headers.get('etag') };
}

export const municipalityQueryOptions = (kommunenummer: string) =>
  queryOptions({
    queryKey: municipalityQueryKey(kommunenummer),
    queryFn: ({ signal }) => getMunicipality(kommunenummer, signal),
  });

export const useMunicipality = (kommunenummer: string, enabled = true) =>
  useQuery({ ...municipalityQueryOptions(kommunenummer), enabled });
