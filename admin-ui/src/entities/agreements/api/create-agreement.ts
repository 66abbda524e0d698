import { type CreateAgreementRequest, agreement } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type VersionedAgreement, agreementQueryKey } from './get-agreement';

/** `POST /agreements`; an open agreement for the same doctor and municipality answers 409 `already_exists` with `existingId`. */
export async function createAgreement(body: CreateAgreementRequest): Promise<VersionedAgreement> {
  const { data, headers } = await api.post('/agreements', agreement, body);
  return { agreement: data, etag: headers.get('etag') };
}

export function useCreateAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAgreement,
    onSuccess: (created) => {
      if (created.etag) queryClient.setQueryData(agreementQueryKey(created.agreement.id), created);
      void queryClient.invalidateQueries({ queryKey: ['agreements', 'list'] });
    },
  });
}
