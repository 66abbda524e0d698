import { type CreateFollowUpRequest, followUp } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { afterFollowUpChange } from '../../invalidation';
import { followUpsPath } from './keys';

export interface CreateFollowUpInput {
  kommunenummer: string;
  body: CreateFollowUpRequest;
}

/** `POST /municipalities/{k}/follow-ups`. */
export async function createFollowUp({ kommunenummer, body }: CreateFollowUpInput) {
  return (await api.post(followUpsPath(kommunenummer), followUp, body)).data;
}

export function useCreateFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createFollowUp, onSuccess: () => afterFollowUpChange(queryClient) });
}
