import { type CreateDoctorRequest, doctor } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, versioned } from '../../../lib/api-client';
import { afterDoctorChange } from '../../invalidation';
import type { VersionedDoctor } from './get-doctor';

/** `POST /doctors`; a known HPR number answers 409 `already_exists` with `existingId`. */
export async function createDoctor(body: CreateDoctorRequest): Promise<VersionedDoctor> {
  return versioned(await api.post('/doctors', doctor, body));
}

export function useCreateDoctor() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createDoctor, onSuccess: (created) => afterDoctorChange(queryClient, created.value.id, created) });
}
