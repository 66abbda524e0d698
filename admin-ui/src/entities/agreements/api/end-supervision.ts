import { supervision } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshAgreement } from './get-agreement';
import { supervisionsQueryKey } from './get-supervisions';

export interface EndSupervisionInput {
  agreementId: string;
  supervisionId: string;
  /** Last day of the supervision. */
  to: string;
}

/** `PATCH /agreements/{id}/supervisions/{supervisionId}` with the last day. */
export async function endSupervision({ agreementId, supervisionId, to }: EndSupervisionInput) {
  const { data } = await api.patch(
    `/agreements/${encodeURIComponent(agreementId)}/supervisions/${encodeURIComponent(supervisionId)}`,
    supervision,
    { to },
  );
  return data;
}

export function useEndSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endSupervision,
    onSuccess: async (_ended, input) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: supervisionsQueryKey(input.agreementId) }),
        refreshAgreement(queryClient, input.agreementId),
      ]);
    },
  });
}
