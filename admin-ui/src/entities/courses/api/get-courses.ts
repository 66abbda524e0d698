import { type CourseKind, type CourseStatus, coursePage } from '@alis/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { courseKeys } from './keys';

/** The query of `GET /courses` (see `listCoursesQuery`), as sent in the URL. */
export interface CourseListParams {
  officeCode?: string;
  status?: CourseStatus;
  kind?: CourseKind;
  from?: string;
  sort?: 'firstDay' | '-firstDay';
  limit?: number;
  cursor?: string;
}

export async function getCourses(params: CourseListParams, signal?: AbortSignal) {
  return (await api.get('/courses', coursePage, { query: { ...params }, signal })).data;
}

export const coursesQueryOptions = (params: CourseListParams) =>
  queryOptions({ queryKey: courseKeys.list(params), queryFn: ({ signal }) => getCourses(params, signal), placeholderData: keepPreviousData });

export const useCourses = (params: CourseListParams, enabled = true) => useQuery({ ...coursesQueryOptions(params), enabled });
