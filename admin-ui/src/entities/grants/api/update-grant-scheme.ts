import { type UpdateGrantSchemeRequest, grantScheme } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterGrantSchemeChange } from '../../invalidation';
import type { VersionedGrantScheme } from './get-grant-scheme';
import { schemePath } from './keys';

export interface UpdateGrantSchemeInput {
  code: string;
  etag: string | null;
  changes: UpdateGrantSchemeRequest;
}

/** `PATCH /grant-schemes/{code}` (admin): new rates become a new version once a submitted application keeps the current one. */
export async function updateGrantScheme({ code, etag, changes }: UpdateGrantSchemeInput): Promise<VersionedGrantScheme> {
  return versioned(await api.patch(schemePath(code), grantScheme, changes, ifMatch(etag)));
}

export function useUpdateGrantScheme() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateGrantScheme, onSuccess: (saved, input) => afterGrantSchemeChange(queryClient, input.code, saved) });
}
