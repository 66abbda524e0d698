import { type CreateCourseRequest, course } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, versioned } from '../../../lib/api-client';
import { afterCourseChange } from '../../invalidation';
import type { VersionedCourse } from './get-course';

/** `POST /courses`: a planned course of the user's office. */
export async function createCourse(body: CreateCourseRequest): Promise<VersionedCourse> {
  return versioned(await api.post('/courses', course, body));
}

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCourse, onSuccess: (created) => afterCourseChange(queryClient, created.value.id, created) });
}
