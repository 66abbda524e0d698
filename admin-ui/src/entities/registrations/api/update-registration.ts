import { type UpdateRegistrationRequest, registration } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type VersionedRegistration, registrationPath, registrationQueryKey } from './get-registration';

export interface UpdateRegistrationInput {
  kommunenummer: string;
  /** The ETag the form was loaded with; a stale one answers 412. */
  etag: string | null;
  changes: UpdateRegistrationRequest;
}

/** `PATCH /municipalities/{k}/registration`: saves the application (the first save creates it). */
export async function updateRegistration({ kommunenummer, etag, changes }: UpdateRegistrationInput): Promise<VersionedRegistration> {
  const { data, headers } = await api.patch(registrationPath(kommunenummer), registration, changes, {
    headers: etag ? { 'if-match': etag } : {},
  });
  return { registration: data, etag: headers.get('etag') };
}

export function useUpdateRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRegistration,
    onSuccess: async (result, input) => {
      if (result.etag) queryClient.setQueryData(registrationQueryKey(input.kommunenummer), result);
      else await queryClient.invalidateQueries({ queryKey: registrationQueryKey(input.kommunenummer) });
    },
  });
}
