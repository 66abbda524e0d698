import { specialAttentionList } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { followUpKeys } from './keys';

/** `GET /follow-ups/special-attention`: the office's municipalities that need special attention. */
export async function getSpecialAttention(officeCode: string | undefined, signal?: AbortSignal) {
  return (await api.get('/follow-ups/special-attention', specialAttentionList, { query: { officeCode }, signal })).data.items;
}

export const specialAttentionQueryOptions = (officeCode: string | undefined) =>
  queryOptions({ queryKey: followUpKeys.specialAttention(officeCode), queryFn: ({ signal }) => getSpecialAttention(officeCode, signal) });

export const useSpecialAttention = (officeCode: string | undefined, enabled = true) => useQuery({ ...specialAttentionQueryOptions(officeCode), enabled });
