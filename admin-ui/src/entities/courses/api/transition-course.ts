import { type CourseTransitionRequest, course } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, versioned } from '../../../lib/api-client';
import { afterCourseChange } from '../../invalidation';
import type { VersionedCourse } from './get-course';
import { coursePath } from './keys';

export interface TransitionCourseInput {
  id: string;
  etag: string | null;
  body: CourseTransitionRequest;
}

/** `POST /courses/{id}/transitions`: open, close, hold or cancel; holding a veilederkurs completes it for those who attended. */
export async function transitionCourse({ id, etag, body }: TransitionCourseInput): Promise<VersionedCourse> {
  return versioned(await api.post(coursePath(id, 'transitions'), course, body, ifMatch(etag)));
}

export function useTransitionCourse() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: transitionCourse, onSuccess: (saved, input) => afterCourseChange(queryClient, input.id, saved) });
}
