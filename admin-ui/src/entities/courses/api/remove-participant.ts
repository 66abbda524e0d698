import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { afterCourseChange } from '../../invalidation';
import { coursePath } from './keys';

export interface RemoveParticipantInput {
  courseId: string;
  participantId: string;
}

/** `DELETE /courses/{id}/participants/{participantId}`: the first on the waiting list moves up. */
export async function removeParticipant({ courseId, participantId }: RemoveParticipantInput) {
  await api.delete(coursePath(courseId, 'participants', participantId));
}

export function useRemoveParticipant() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removeParticipant, onSuccess: (_result, input) => afterCourseChange(queryClient, input.courseId) });
}
