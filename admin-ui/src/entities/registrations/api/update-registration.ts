import { type Specialty, type UpdateRegistrationRequest, registration } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterApplicationSaved } from '../../invalidation';
import type { VersionedRegistration } from './get-registration';
import { registrationPath } from './keys';

export interface UpdateRegistrationInput {
  kommunenummer: string;
  specialty: Specialty;
  /** The ETag the form started from; a stale one answers 412. */
  etag: string | null;
  changes: UpdateRegistrationRequest;
}

/** `PATCH /municipalities/{k}/registration?specialty=`: saves the application (the first save creates it). */
export async function updateRegistration({ kommunenummer, specialty, etag, changes }: UpdateRegistrationInput): Promise<VersionedRegistration> {
  return versioned(await api.patch(registrationPath(kommunenummer), registration, changes, { query: { specialty }, ...ifMatch(etag) }));
}

export function useUpdateRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRegistration,
    onSuccess: (saved, input) => afterApplicationSaved(queryClient, input.kommunenummer, input.specialty, saved),
  });
}
