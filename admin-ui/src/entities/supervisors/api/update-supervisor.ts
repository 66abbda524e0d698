import { type Supervisor, type UpdateSupervisorRequest, supervisor } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { supervisorQueryKey } from './get-supervisor';

export interface UpdateSupervisorInput {
  id: string;
  /** The ETag the form was loaded with; a stale one answers 412. */
  etag: string | null;
  changes: UpdateSupervisorRequest;
}

export async function updateSupervisor({ id, etag, changes }: UpdateSupervisorInput): Promise<{ supervisor: Supervisor; etag: string | null }> {
  const { data, headers } = await api.patch(`/supervisors/${encodeURIComponent(id)}`, supervisor, changes, {
    headers: etag ? { 'if-match': etag } : {},
  });
  return { supervisor: data, etag: headers.get('etag') };
}

export function useUpdateSupervisor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSupervisor,
    onSuccess: async (_result, input) => {
      // The detail (with its supervisions) is read again rather than pieced together.
      await queryClient.invalidateQueries({ queryKey: supervisorQueryKey(input.id) });
      void queryClient.invalidateQueries({ queryKey: ['supervisors', 'list'] });
      // Qualification and capacity feed the agreements' warnings.
      void queryClient.invalidateQueries({ queryKey: ['agreements'] });
    },
  });
}
