import { type CreateSupervisionRequest, supervision } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshAgreement } from './get-agreement';
import { supervisionsQueryKey } from './get-supervisions';

export interface CreateSupervisionInput {
  agreementId: string;
  body: CreateSupervisionRequest;
}

/**
 * `POST /agreements/{id}/supervisions`: a second veileder overlapping the first answers 409
 * `conflict`; a veileder who is neither specialist nor exempt answers 422.
 */
export async function createSupervision({ agreementId, body }: CreateSupervisionInput) {
  const { data } = await api.post(`/agreements/${encodeURIComponent(agreementId)}/supervisions`, supervision, body);
  return data;
}

export function useCreateSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSupervision,
    onSuccess: async (_created, input) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: supervisionsQueryKey(input.agreementId) }),
        refreshAgreement(queryClient, input.agreementId),
      ]);
    },
  });
}
