import { type AgreementTransitionRequest, agreement } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterAgreementChange } from '../../invalidation';
import type { VersionedAgreement } from './get-agreement';
import { agreementPath } from './keys';

export interface TransitionAgreementInput {
  id: string;
  etag: string | null;
  body: AgreementTransitionRequest;
}

/**
 * `POST /agreements/{id}/transitions`: 409 `illegal_transition` names the allowed ones, 422 lists
 * what is missing (end date and reason for completed and terminated).
 */
export async function transitionAgreement({ id, etag, body }: TransitionAgreementInput): Promise<VersionedAgreement> {
  return versioned(await api.post(agreementPath(id, 'transitions'), agreement, body, ifMatch(etag)));
}

export function useTransitionAgreement() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: transitionAgreement, onSuccess: (result, input) => afterAgreementChange(queryClient, input.id, result) });
}
