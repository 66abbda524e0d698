import { type UpdateMunicipalityRequest, municipality } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterMunicipalityChange } from '../../invalidation';
import type { VersionedMunicipality } from './get-municipality';

export interface UpdateMunicipalityInput {
  kommunenummer: string;
  /** The ETag the form started from; a stale one answers 412. */
  etag: string | null;
  changes: UpdateMunicipalityRequest;
}

export async function updateMunicipality({ kommunenummer, etag, changes }: UpdateMunicipalityInput): Promise<VersionedMunicipality> {
  return versioned(await api.patch(`/municipalities/${encodeURIComponent(kommunenummer)}`, municipality, changes, ifMatch(etag)));
}

export function useUpdateMunicipality() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMunicipality,
    onSuccess: (saved, input) => afterMunicipalityChange(queryClient, input.kommunenummer, saved),
  });
}
