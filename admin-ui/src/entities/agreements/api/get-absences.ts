import { absenceList } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { agreementKeys, agreementPath } from './keys';

export async function getAbsences(agreementId: string, signal?: AbortSignal) {
  return (await api.get(agreementPath(agreementId, 'absences'), absenceList, { signal })).data.items;
}

export const absencesQueryOptions = (agreementId: string) =>
  queryOptions({ queryKey: agreementKeys.absences(agreementId), queryFn: ({ signal }) => getAbsences(agreementId, signal) });

export const useAbsences = (agreementId: string, enabled = true) => useQuery({ ...absencesQueryOptions(agreementId), enabled });
