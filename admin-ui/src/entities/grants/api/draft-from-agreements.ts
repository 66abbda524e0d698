import { type DraftFromAgreementsRequest, grantApplication } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, versioned } from '../../../lib/api-client';
import { afterGrantApplicationChange } from '../../invalidation';
import type { VersionedGrantApplication } from './get-grant-application';

/** `POST /grant-applications/draft-from-agreements`: a draft with a line per share of each agreement that ran in the period. */
export async function draftFromAgreements(body: DraftFromAgreementsRequest): Promise<VersionedGrantApplication> {
  return versioned(await api.post('/grant-applications/draft-from-agreements', grantApplication, body));
}

export function useDraftFromAgreements() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: draftFromAgreements, onSuccess: (created) => afterGrantApplicationChange(queryClient, created.value.id, created) });
}
