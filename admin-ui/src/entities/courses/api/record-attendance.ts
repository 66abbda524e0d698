import { type RecordAttendanceRequest, courseParticipantList } from '@alis/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { afterCourseChange } from '../../invalidation';
import { coursePath } from './keys';

export interface RecordAttendanceInput {
  courseId: string;
  body: RecordAttendanceRequest;
}

/** `POST /courses/{id}/attendance`: who was there on one course day; may complete a held veilederkurs. */
export async function recordAttendance({ courseId, body }: RecordAttendanceInput) {
  return (await api.post(coursePath(courseId, 'attendance'), courseParticipantList, body)).data.items;
}

export function useRecordAttendance() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recordAttendance, onSuccess: (_items, input) => afterCourseChange(queryClient, input.courseId) });
}
