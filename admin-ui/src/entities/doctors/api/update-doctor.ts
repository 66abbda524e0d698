import { type UpdateDoctorRequest, doctor } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterDoctorChange } from '../../invalidation';
import type { VersionedDoctor } from './get-doctor';

export interface UpdateDoctorInput {
  id: string;
  /** The ETag the form started from; a stale one answers 412. */
  etag: string | null;
  changes: UpdateDoctorRequest;
}

export async function updateDoctor({ id, etag, changes }: UpdateDoctorInput): Promise<VersionedDoctor> {
  return versioned(await api.patch(`/doctors/${encodeURIComponent(id)}`, doctor, changes, ifMatch(etag)));
}

export function useUpdateDoctor() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateDoctor, onSuccess: (saved, input) => afterDoctorChange(queryClient, input.id, saved) });
}
