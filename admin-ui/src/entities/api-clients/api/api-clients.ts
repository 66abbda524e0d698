import { type CreateApiClientRequest, apiClient, createdApiClient, pageOf } from '@alis/shared';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { afterApiClientChange } from '../../invalidation';
import { apiClientKeys } from './keys';

const apiClientPage = pageOf(apiClient);

/** The query of `GET /api-clients`. */
export interface ApiClientListParams {
  revoked?: 'true' | 'false';
  limit?: number;
  cursor?: string;
}

export async function getApiClients(params: ApiClientListParams, signal?: AbortSignal) {
  return (await api.get('/api-clients', apiClientPage, { query: { ...params }, signal })).data;
}

export const apiClientsQueryOptions = (params: ApiClientListParams) =>
  queryOptions({ queryKey: apiClientKeys.list(params), queryFn: ({ signal }) => getApiClients(params, signal), placeholderData: keepPreviousData });

/** `POST /api-clients`: the answer holds the secret, this once. */
export async function createApiClient(body: CreateApiClientRequest) {
  return (await api.post('/api-clients', createdApiClient, body)).data;
}

export function useCreateApiClient() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createApiClient, onSuccess: () => afterApiClientChange(queryClient) });
}

/** `POST /api-clients/{id}/revoke`: its tokens stop working at once. */
export async function revokeApiClient(id: string) {
  return (await api.post(`/api-clients/${encodeURIComponent(id)}/revoke`, apiClient, {})).data;
}

export function useRevokeApiClient() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeApiClient, onSuccess: () => afterApiClientChange(queryClient) });
}
