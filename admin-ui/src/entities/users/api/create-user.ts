import { type CreateUserRequest, user } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, versioned } from '../../../lib/api-client';
import { afterUserChange } from '../../invalidation';
import type { VersionedUser } from './get-user';

/** `POST /users`: the password is a one-time password; a known e-mail answers 409 `already_exists`. */
export async function createUser(body: CreateUserRequest): Promise<VersionedUser> {
  return versioned(await api.post('/users', user, body));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: (created) => afterUserChange(queryClient, created.value.id, created) });
}
