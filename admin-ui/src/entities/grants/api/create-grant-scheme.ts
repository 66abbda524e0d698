import { type CreateGrantSchemeRequest, grantScheme } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, versioned } from '../../../lib/api-client';
import { afterGrantSchemeChange } from '../../invalidation';
import type { VersionedGrantScheme } from './get-grant-scheme';

/** `POST /grant-schemes` (admin): 409 `already_exists` when the code is taken. */
export async function createGrantScheme(body: CreateGrantSchemeRequest): Promise<VersionedGrantScheme> {
  return versioned(await api.post('/grant-schemes', grantScheme, body));
}

export function useCreateGrantScheme() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createGrantScheme, onSuccess: (created) => afterGrantSchemeChange(queryClient, created.value.code, created) });
}
