import { type CreateAgreementRequest, agreement } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, versioned } from '../../../lib/api-client';
import { afterAgreementChange } from '../../invalidation';
import type { VersionedAgreement } from './get-agreement';

/** `POST /agreements`; an open agreement for the same doctor and municipality answers 409 `already_exists` with `existingId`. */
export async function createAgreement(body: CreateAgreementRequest): Promise<VersionedAgreement> {
  return versioned(await api.post('/agreements', agreement, body));
}

export function useCreateAgreement() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createAgreement, onSuccess: (created) => afterAgreementChange(queryClient, created.value.id, created) });
}
