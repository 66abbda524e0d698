import { type UpdateGrantApplicationRequest, grantApplication } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterGrantApplicationChange } from '../../invalidation';
import type { VersionedGrantApplication } from './get-grant-application';
import { applicationPath } from './keys';

export interface UpdateGrantApplicationInput {
  id: string;
  etag: string | null;
  changes: UpdateGrantApplicationRequest;
}

/** `PATCH /grant-applications/{id}`: a draft's lines and notes, or the auditor's certificate once money is granted. */
export async function updateGrantApplication({ id, etag, changes }: UpdateGrantApplicationInput): Promise<VersionedGrantApplication> {
  return versioned(await api.patch(applicationPath(id), grantApplication, changes, ifMatch(etag)));
}

export function useUpdateGrantApplication() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateGrantApplication, onSuccess: (saved, input) => afterGrantApplicationChange(queryClient, input.id, saved) });
}
