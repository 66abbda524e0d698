import { type AddCourseParticipantRequest, courseParticipant } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { afterCourseChange } from '../../invalidation';
import { coursePath } from './keys';

export interface AddParticipantInput {
  courseId: string;
  body: AddCourseParticipantRequest;
}

/** `POST /courses/{id}/participants`: a seat, or the waiting list when the course is full. */
export async function addParticipant({ courseId, body }: AddParticipantInput) {
  return (await api.post(coursePath(courseId, 'participants'), courseParticipant, body)).data;
}

export function useAddParticipant() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addParticipant, onSuccess: (_added, input) => afterCourseChange(queryClient, input.courseId) });
}
