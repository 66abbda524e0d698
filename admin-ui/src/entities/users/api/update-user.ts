import { type UpdateUserRequest, user } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterUserChange } from '../../invalidation';
import type { VersionedUser } from './get-user';

export interface UpdateUserInput {
  id: string;
  /** The ETag the form started from; a stale one answers 412. */
  etag: string | null;
  changes: UpdateUserRequest;
}

/** `PATCH /users/{id}`: role, office, name, active, or a new one-time password. */
export async function updateUser({ id, etag, changes }: UpdateUserInput): Promise<VersionedUser> {
  return versioned(await api.patch(`/users/${encodeURIComponent(id)}`, user, changes, ifMatch(etag)));
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateUser, onSuccess: (saved, input) => afterUserChange(queryClient, input.id, saved) });
}
