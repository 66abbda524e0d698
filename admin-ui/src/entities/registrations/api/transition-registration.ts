import { type RegistrationTransitionRequest, registration } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterRegistrationTransition } from '../../invalidation';
import type { VersionedRegistration } from './get-registration';
import { registrationPath } from './keys';

export interface TransitionRegistrationInput {
  kommunenummer: string;
  etag: string | null;
  body: RegistrationTransitionRequest;
}

/**
 * `POST /municipalities/{k}/registration/transitions`: 409 `illegal_transition` names the allowed
 * ones; 422 lists what the application lacks.
 */
export async function transitionRegistration({ kommunenummer, etag, body }: TransitionRegistrationInput): Promise<VersionedRegistration> {
  return versioned(await api.post(registrationPath(kommunenummer, 'transitions'), registration, body, ifMatch(etag)));
}

export function useTransitionRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionRegistration,
    onSuccess: (result, input) => afterRegistrationTransition(queryClient, input.kommunenummer, result),
  });
}
