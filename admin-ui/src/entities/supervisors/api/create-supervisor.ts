import { type CreateSupervisorRequest, supervisor } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `POST /supervisors`; a known HPR number answers 409 `already_exists` with `existingId`. */
export async function createSupervisor(body: CreateSupervisorRequest) {
  const { data } = await api.post('/supervisors', supervisor, body);
  return data;
}

export function useCreateSupervisor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSupervisor,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['supervisors', 'list'] }),
  });
}
