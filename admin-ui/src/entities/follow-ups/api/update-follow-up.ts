import { type UpdateFollowUpRequest, followUp } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch } from '../../../lib/api-client';
import { afterFollowUpChange } from '../../invalidation';
import { followUpsPath } from './keys';

export interface UpdateFollowUpInput {
  kommunenummer: string;
  id: string;
  /** The version the change is made to (`"v<version>"`); a stale one answers 412. */
  etag: string | null;
  changes: UpdateFollowUpRequest;
}

/** `PATCH /municipalities/{k}/follow-ups/{id}` (mark it done …). */
export async function updateFollowUp({ kommunenummer, id, etag, changes }: UpdateFollowUpInput) {
  return (await api.patch(followUpsPath(kommunenummer, id), followUp, changes, ifMatch(etag))).data;
}

export function useUpdateFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateFollowUp, onSuccess: () => afterFollowUpChange(queryClient) });
}
