import { type AgreementTransitionRequest, agreement } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type VersionedAgreement, refreshAgreement } from './get-agreement';

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
  const { data, headers } = await api.post(`/agreements/${encodeURIComponent(id)}/transitions`, agreement, body, {
    headers: etag ? { 'if-match': etag } : {},
  });
  return { agreement: data, etag: headers.get('etag') };
}

export function useTransitionAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionAgreement,
    onSuccess: (result, input) => refreshAgreement(queryClient, input.id, result),
  });
}
