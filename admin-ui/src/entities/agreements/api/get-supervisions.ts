import { supervisionList } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { agreementKeys, agreementPath } from './keys';

export async function getSupervisions(agreementId: string, signal?: AbortSignal) {
  return (await api.get(agreementPath(agreementId, 'supervisions'), supervisionList, { signal })).data.items;
}

export const supervisionsQueryOptions = (agreementId: string) =>
  queryOptions({ queryKey: agreementKeys.supervisions(agreementId), queryFn: ({ signal }) => getSupervisions(agreementId, signal) });

export const useSupervisions = (agreementId: string, enabled = true) => useQuery({ ...supervisionsQueryOptions(agreementId), enabled });
