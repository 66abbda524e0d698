import { type CreateSupervisionRequest, supervision } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { afterAgreementChange } from '../../invalidation';
import { agreementPath } from './keys';

export interface CreateSupervisionInput {
  agreementId: string;
  body: CreateSupervisionRequest;
}

/**
 * `POST /agreements/{id}/supervisions`: a second veileder overlapping the first answers 409
 * `conflict`; a veileder who is neither specialist nor exempt answers 422.
 */
export async function createSupervision({ agreementId, body }: CreateSupervisionInput) {
  return (await api.post(agreementPath(agreementId, 'supervisions'), supervision, body)).data;
}

export function useCreateSupervision() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createSupervision, onSuccess: (_created, input) => afterAgreementChange(queryClient, input.agreementId) });
}
