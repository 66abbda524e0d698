import { supervision } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { afterAgreementChange } from '../../invalidation';
import { agreementPath } from './keys';

export interface EndSupervisionInput {
  agreementId: string;
  supervisionId: string;
  /** Last day of the supervision. */
  to: string;
}

/** `PATCH /agreements/{id}/supervisions/{supervisionId}` with the last day. */
export async function endSupervision({ agreementId, supervisionId, to }: EndSupervisionInput) {
  return (await api.patch(agreementPath(agreementId, 'supervisions', supervisionId), supervision, { to })).data;
}

export function useEndSupervision() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: endSupervision, onSuccess: (_ended, input) => afterAgreementChange(queryClient, input.agreementId) });
}
