import { type CreateAbsenceRequest, absence } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { absencesQueryKey } from './get-absences';
import { refreshAgreement } from './get-agreement';

export interface CreateAbsenceInput {
  agreementId: string;
  body: CreateAbsenceRequest;
}

/** `POST /agreements/{id}/absences`: the agreement's planned end date moves by the absence's days. */
export async function createAbsence({ agreementId, body }: CreateAbsenceInput) {
  const { data } = await api.post(`/agreements/${encodeURIComponent(agreementId)}/absences`, absence, body);
  return data;
}

export function useCreateAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAbsence,
    onSuccess: async (_created, input) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: absencesQueryKey(input.agreementId) }),
        refreshAgreement(queryClient, input.agreementId),
      ]);
    },
  });
}
