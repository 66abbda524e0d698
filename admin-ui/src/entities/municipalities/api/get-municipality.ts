import { type Municipality, municipality } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Versioned, api, versioned } from '../../../lib/api-client';
import { municipalityKeys } from './keys';

export type VersionedMunicipality = Versioned<Municipality>;

export async function getMunicipality(kommunenummer: string, signal?: AbortSignal): Promise<VersionedMunicipality> {
  return versioned(await api.get(`/municipalities/${encodeURIComponent(kommunenummer)}`, municipality, { signal }));
}

export const municipalityQueryOptions = (kommunenummer: string) =>
  queryOptions({ queryKey: municipalityKeys.detail(kommunenummer), queryFn: ({ signal }) => getMunicipality(kommunenummer, signal) });

export const useMunicipality = (kommunenummer: string, enabled = true) => useQuery({ ...municipalityQueryOptions(kommunenummer), enabled });
