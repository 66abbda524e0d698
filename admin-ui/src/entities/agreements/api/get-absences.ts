import { absenceList } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const absencesQueryKey = (agreementId: string) => ['agreements', 'absences', agreementId] as const;

export async function getAbsences(agreementId: string, signal?: AbortSignal) {
  const { data } = await api.get(`/agreements/${encodeURIComponent(agreementId)}/absences`, absenceList, { signal });
  return data.items;
}

export const absencesQueryOptions = (agreementId: string) =>
  queryOptions({
    queryKey: absencesQueryKey(agreementId),
    queryFn: ({ signal }) => getAbsences(agreementId, signal),
  });

export const useAbsences = (agreementId: string, enabled = true) => useQuery({ ...absencesQueryOptions(agreementId), enabled });
