import { type CreateAbsenceRequest, absence } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { afterAgreementChange } from '../../invalidation';
import { agreementPath } from './keys';

export interface CreateAbsenceInput {
  agreementId: string;
  body: CreateAbsenceRequest;
}

/** `POST /agreements/{id}/absences`: the agreement's planned end date moves by the absence's days. */
export async function createAbsence({ agreementId, body }: CreateAbsenceInput) {
  return (await api.post(agreementPath(agreementId, 'absences'), absence, body)).data;
}

export function useCreateAbsence() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createAbsence, onSuccess: (_created, input) => afterAgreementChange(queryClient, input.agreementId) });
}
