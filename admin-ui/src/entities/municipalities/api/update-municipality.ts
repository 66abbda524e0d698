import { type UpdateMunicipalityRequest, municipality } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type VersionedMunicipality, municipalityQueryKey } from './get-municipality';

export interface UpdateMunicipalityInput {
  kommunenummer: string;
  /** The ETag the form was loaded with; a stale one answers 412. */
  etag: string | null;
  changes: UpdateMunicipalityRequest;
}

export async function updateMunicipality({ kommunenummer, etag, changes }: UpdateMunicipalityInput): Promise<VersionedMunicipality> {
  const { data, headers } = await api.patch(`/municipalities/${encodeURIComponent(kommunenummer)}`, municipality, changes, {
    headers: etag ? { 'if-match': etag } : {},
  });
  return { municipality: data, etag: headers.get('etag') };
}

export function useUpdateMunicipality() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMunicipality,
    onSuccess: async (result, input) => {
      if (result.etag) {
        queryClient.setQueryData(municipalityQueryKey(input.kommunenummer), result);
      } else {
        await queryClient.invalidateQueries({ queryKey: municipalityQueryKey(input.kommunenummer) });
      }
      void queryClient.invalidateQueries({ queryKey: ['municipalities', 'list'] });
    },
  });
}
