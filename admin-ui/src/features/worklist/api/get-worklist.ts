import { worklist } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { worklistKeys } from './keys';

/** `GET /worklist`: an office user's own office; an admin names one (null: not chosen yet). */
export async function getWorklist(officeCode: string | null, signal?: AbortSignal) {
  return (await api.get('/worklist', worklist, { query: { officeCode }, signal })).data;
}

export const worklistQueryOptions = (officeCode: string | null, enabled = true) =>
  queryOptions({ queryKey: worklistKeys.office(officeCode), queryFn: ({ signal }) => getWorklist(officeCode, signal), enabled });

export const useWorklist = (officeCode: string | null, enabled = true) => useQuery(worklistQueryOptions(officeCode, enabled));
