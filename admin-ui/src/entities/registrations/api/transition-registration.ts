import { type RegistrationTransitionRequest, type Specialty, registration } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterRegistrationTransition } from '../../invalidation';
import type { VersionedRegistration } from './get-registration';
import { registrationPath } from './keys';

export interface TransitionRegistrationInput {
  kommunenummer: string;
  specialty: Specialty;
  etag: string | null;
  body: RegistrationTransitionRequest;
}

/**
 * `POST /municipalities/{k}/registration/transitions?specialty=`: 409 `illegal_transition` names the
 * allowed ones; 422 lists what the application lacks.
 */
export async function transitionRegistration({ kommunenummer, specialty, etag, body }: TransitionRegistrationInput): Promise<VersionedRegistration> {
  return versioned(await api.post(registrationPath(kommunenummer, 'transitions'), registration, body, { query: { specialty }, ...ifMatch(etag) }));
}

export function useTransitionRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionRegistration,
    onSuccess: (result, input) => afterRegistrationTransition(queryClient, input.kommunenummer, input.specialty, result),
  });
}
