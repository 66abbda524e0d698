import { followUpPage } from '@alis/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { followUpKeys, followUpsPath } from './keys';

export interface FollowUpListParams {
  limit?: number;
  cursor?: string;
}

/** `GET /municipalities/{k}/follow-ups`: the log, newest first. */
export async function getFollowUps(kommunenummer: string, params: FollowUpListParams, signal?: AbortSignal) {
  return (await api.get(followUpsPath(kommunenummer), followUpPage, { query: { ...params }, signal })).data;
}

export const followUpsQueryOptions = (kommunenummer: string, params: FollowUpListParams) =>
  queryOptions({
    queryKey: followUpKeys.list(kommunenummer, params),
    queryFn: ({ signal }) => getFollowUps(kommunenummer, params, signal),
    placeholderData: keepPreviousData,
  });

export const useFollowUps = (kommunenummer: string, params: FollowUpListParams, enabled = true) =>
  useQuery({ ...followUpsQueryOptions(kommunenummer, params), enabled });
