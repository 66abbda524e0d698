import { grantSchemePage } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { grantKeys } from './keys';

/** Every scheme, newest period first (there are a few a year). */
export async function getGrantSchemes(signal?: AbortSignal) {
  return (await api.get('/grant-schemes', grantSchemePage, { query: { limit: 200 }, signal })).data.items;
}

export const grantSchemesQueryOptions = () => queryOptions({ queryKey: grantKeys.schemes(), queryFn: ({ signal }) => getGrantSchemes(signal) });

export const useGrantSchemes = () => useQuery(grantSchemesQueryOptions());
