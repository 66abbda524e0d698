import { type RegistrationTransitionRequest, registration } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type VersionedRegistration, registrationPath, registrationQueryKey } from './get-registration';

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
  const { data, headers } = await api.post(`${registrationPath(kommunenummer)}/transitions`, registration, body, {
    headers: etag ? { 'if-match': etag } : {},
  });
  return { registration: data, etag: headers.get('etag') };
}

export function useTransitionRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionRegistration,
    onSuccess: async (result, input) => {
      if (result.etag) queryClient.setQueryData(registrationQueryKey(input.kommunenummer), result);
      else await queryClient.invalidateQueries({ queryKey: registrationQueryKey(input.kommunenummer) });
      void queryClient.invalidateQueries({ queryKey: ['registrations', 'history', input.kommunenummer] });
      // The municipality carries a summary of its registration, and agreements' warnings depend on it.
      void queryClient.invalidateQueries({ queryKey: ['municipalities'] });
      void queryClient.invalidateQueries({ queryKey: ['agreements'] });
    },
  });
}
