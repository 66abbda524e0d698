import { supervisorCourseList } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { courseKeys } from './keys';

/** `GET /supervisors/{id}/courses`: the courses a supervisor took part in, newest first. */
export async function getSupervisorCourses(supervisorId: string, signal?: AbortSignal) {
  return (await api.get(`/supervisors/${encodeURIComponent(supervisorId)}/courses`, supervisorCourseList, { signal })).data.items;
}

export const supervisorCoursesQueryOptions = (supervisorId: string) =>
  queryOptions({ queryKey: courseKeys.ofSupervisor(supervisorId), queryFn: ({ signal }) => getSupervisorCourses(supervisorId, signal) });

export const useSupervisorCourses = (supervisorId: string, enabled = true) => useQuery({ ...supervisorCoursesQueryOptions(supervisorId), enabled });
