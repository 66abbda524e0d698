import { courseParticipantList } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { courseKeys, coursePath } from './keys';

export async function getParticipants(courseId: string, signal?: AbortSignal) {
  return (await api.get(coursePath(courseId, 'participants'), courseParticipantList, { signal })).data.items;
}

export const participantsQueryOptions = (courseId: string) =>
  queryOptions({ queryKey: courseKeys.participants(courseId), queryFn: ({ signal }) => getParticipants(courseId, signal) });

export const useParticipants = (courseId: string, enabled = true) => useQuery({ ...participantsQueryOptions(courseId), enabled });
