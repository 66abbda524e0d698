import { type CreateDoctorRequest, doctor } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type VersionedDoctor, doctorQueryKey } from './get-doctor';

/** `POST /doctors`; a known HPR number answers 409 `already_exists` with `existingId`. */
export async function createDoctor(body: CreateDoctorRequest): Promise<VersionedDoctor> {
  const { data, headers } = await api.post('/doctors', doctor, body);
  return { doctor: data, etag: headers.get('etag') };
}

export function useCreateDoctor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDoctor,
    onSuccess: (created) => {
      queryClient.setQueryData(doctorQueryKey(created.doctor.id), created);
      void queryClient.invalidateQueries({ queryKey: ['doctors', 'list'] });
    },
  });
}
