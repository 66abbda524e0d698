import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { absencesQueryKey } from './get-absences';
import { refreshAgreement } from './get-agreement';

export interface DeleteAbsenceInput {
  agreementId: string;
  absenceId: string;
}

/** `DELETE /agreements/{id}/absences/{absenceId}`: the planned end date moves back. */
export async function deleteAbsence({ agreementId, absenceId }: DeleteAbsenceInput) {
  await api.request(`/agreements/${encodeURIComponent(agreementId)}/absences/${encodeURIComponent(absenceId)}`, z.unknown(), {
    method: 'DELETE',
  });
}

export function useDeleteAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAbsence,
    onSuccess: async (_result, input) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: absencesQueryKey(input.agreementId) }),
        refreshAgreement(queryClient, input.agreementId),
      ]);
    },
  });
}
