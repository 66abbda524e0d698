import { digestSubscription } from '@alis/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { worklistKeys } from './keys';

/** `GET /me/weekly-digest`: whether the worklist comes by e-mail every Monday (office users). */
export async function getWeeklyDigest(signal?: AbortSignal) {
  return (await api.get('/me/weekly-digest', digestSubscription, { signal })).data;
}

export const weeklyDigestQueryOptions = () => queryOptions({ queryKey: worklistKeys.digest(), queryFn: ({ signal }) => getWeeklyDigest(signal) });

export const useWeeklyDigest = (enabled = true) => useQuery({ ...weeklyDigestQueryOptions(), enabled });

/** `PUT /me/weekly-digest`. */
export async function setWeeklyDigest(weeklyDigest: boolean) {
  return (await api.put('/me/weekly-digest', digestSubscription, { weeklyDigest })).data;
}

export function useSetWeeklyDigest() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setWeeklyDigest, onSuccess: (saved) => queryClient.setQueryData(worklistKeys.digest(), saved) });
}
