import { type CreateSupervisorRequest, supervisor } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, versioned } from '../../../lib/api-client';
import { afterSupervisorChange } from '../../invalidation';

/** `POST /supervisors`; a known HPR number answers 409 `already_exists` with `existingId`. */
export async function createSupervisor(body: CreateSupervisorRequest) {
  return versioned(await api.post('/supervisors', supervisor, body));
}

export function useCreateSupervisor() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createSupervisor, onSuccess: (created) => afterSupervisorChange(queryClient, created.value.id) });
}
