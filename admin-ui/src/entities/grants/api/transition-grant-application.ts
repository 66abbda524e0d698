import { type GrantTransitionRequest, grantApplication } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterGrantApplicationChange } from '../../invalidation';
import type { VersionedGrantApplication } from './get-grant-application';
import { applicationPath } from './keys';

export interface TransitionGrantApplicationInput {
  id: string;
  etag: string | null;
  body: GrantTransitionRequest;
}

/**
 * `POST /grant-applications/{id}/transitions`: 409 `illegal_transition` names the allowed ones; 422
 * lists what is missing or wrong (each eligibility problem as `not_eligible`).
 */
export async function transitionGrantApplication({ id, etag, body }: TransitionGrantApplicationInput): Promise<VersionedGrantApplication> {
  return versioned(await api.post(applicationPath(id, 'transitions'), grantApplication, body, ifMatch(etag)));
}

export function useTransitionGrantApplication() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: transitionGrantApplication, onSuccess: (result, input) => afterGrantApplicationChange(queryClient, input.id, result) });
}
