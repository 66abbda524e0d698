import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { afterAgreementChange } from '../../invalidation';
import { agreementPath } from './keys';

export interface DeleteAbsenceInput {
  agreementId: string;
  absenceId: string;
}

/** `DELETE /agreements/{id}/absences/{absenceId}`: the planned end date moves back. */
export async function deleteAbsence({ agreementId, absenceId }: DeleteAbsenceInput) {
  await api.delete(agreementPath(agreementId, 'absences', absenceId));
}

export function useDeleteAbsence() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteAbsence, onSuccess: (_result, input) => afterAgreementChange(queryClient, input.agreementId) });
}
