import { type UpdateAgreementRequest, agreement } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterAgreementChange } from '../../invalidation';
import type { VersionedAgreement } from './get-agreement';
import { agreementPath } from './keys';

export interface UpdateAgreementInput {
  id: string;
  /** The ETag the form started from; a stale one answers 412. */
  etag: string | null;
  changes: UpdateAgreementRequest;
}

export async function updateAgreement({ id, etag, changes }: UpdateAgreementInput): Promise<VersionedAgreement> {
  return versioned(await api.patch(agreementPath(id), agreement, changes, ifMatch(etag)));
}

export function useUpdateAgreement() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateAgreement, onSuccess: (saved, input) => afterAgreementChange(queryClient, input.id, saved) });
}
