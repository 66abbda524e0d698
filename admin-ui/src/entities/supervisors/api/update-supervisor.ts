import { type UpdateSupervisorRequest, supervisor } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterSupervisorChange } from '../../invalidation';

export interface UpdateSupervisorInput {
  id: string;
  /** The ETag the form started from; a stale one answers 412. */
  etag: string | null;
  changes: UpdateSupervisorRequest;
}

/** `PATCH /supervisors/{id}`: answers the supervisor without load and supervisions (the detail is read again). */
export async function updateSupervisor({ id, etag, changes }: UpdateSupervisorInput) {
  return versioned(await api.patch(`/supervisors/${encodeURIComponent(id)}`, supervisor, changes, ifMatch(etag)));
}

export function useUpdateSupervisor() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateSupervisor, onSuccess: (_saved, input) => afterSupervisorChange(queryClient, input.id) });
}
