import { type UpdateDoctorRequest, doctor } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type VersionedDoctor, doctorQueryKey } from './get-doctor';

export interface UpdateDoctorInput {
  id: string;
  /** The ETag the form was loaded with; a stale one answers 412. */
  etag: string | null;
  changes: UpdateDoctorRequest;
}

export async function updateDoctor({ id, etag, changes }: UpdateDoctorInput): Promise<VersionedDoctor> {
  const { data, headers } = await api.patch(`/doctors/${encodeURIComponent(id)}`, doctor, changes, {
    headers: etag ? { 'if-match': etag } : {},
  });
  return { doctor: data, etag: headers.get('etag') };
}

export function useUpdateDoctor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDoctor,
    onSuccess: async (result, input) => {
      if (result.etag) queryClient.setQueryData(doctorQueryKey(input.id), result);
      else await queryClient.invalidateQueries({ queryKey: doctorQueryKey(input.id) });
      void queryClient.invalidateQueries({ queryKey: ['doctors', 'list'] });
      // Agreements carry the doctor's name and HPR number.
      void queryClient.invalidateQueries({ queryKey: ['agreements'] });
    },
  });
}
