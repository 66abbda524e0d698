import { type UpdateAgreementRequest, agreement } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type VersionedAgreement, refreshAgreement } from './get-agreement';

export interface UpdateAgreementInput {
  id: string;
  /** The ETag the form was loaded with; a stale one answers 412. */
  etag: string | null;
  changes: UpdateAgreementRequest;
}

export async function updateAgreement({ id, etag, changes }: UpdateAgreementInput): Promise<VersionedAgreement> {
  const { data, headers } = await api.patch(`/agreements/${encodeURIComponent(id)}`, agreement, changes, {
    headers: etag ? { 'if-match': etag } : {},
  });
  return { agreement: data, etag: headers.get('etag') };
}

export function useUpdateAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAgreement,
    onSuccess: (result, input) => refreshAgreement(queryClient, input.id, result),
  });
}
