import { type Course, course } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Versioned, api, versioned } from '../../../lib/api-client';
import { courseKeys, coursePath } from './keys';

export type VersionedCourse = Versioned<Course>;

export async function getCourse(id: string, signal?: AbortSignal): Promise<VersionedCourse> {
  return versioned(await api.get(coursePath(id), course, { signal }));
}

export const courseQueryOptions = (id: string) => queryOptions({ queryKey: courseKeys.detail(id), queryFn: ({ signal }) => getCourse(id, signal) });

export const useCourse = (id: string, enabled = true) => useQuery({ ...courseQueryOptions(id), enabled });
