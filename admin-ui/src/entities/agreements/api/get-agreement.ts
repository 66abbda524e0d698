import { type Agreement, agreement } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Versioned, api, versioned } from '../../../lib/api-client';
import { agreementKeys, agreementPath } from './keys';

export type VersionedAgreement = Versioned<Agreement>;

export async function getAgreement(id: string, signal?: AbortSignal): Promise<VersionedAgreement> {
  return versioned(await api.get(agreementPath(id), agreement, { signal }));
}

export const agreementQueryOptions = (id: string) =>
  queryOptions({ queryKey: agreementKeys.detail(id), queryFn: ({ signal }) => getAgreement(id, signal) });

export const useAgreement = (id: string, enabled = true) => useQuery({ ...agreementQueryOptions(id), enabled });
