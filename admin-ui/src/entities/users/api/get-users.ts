import { type StaffRole, pageOf, user } from '@alis/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './keys';

const userPage = pageOf(user);

/** The query of `GET /users` (see `listUsersQuery`), as sent in the URL. */
export interface UserListParams {
  role?: StaffRole;
  officeCode?: string;
  active?: 'true' | 'false';
  limit?: number;
  cursor?: string;
}

export async function getUsers(params: UserListParams, signal?: AbortSignal) {
  return (await api.get('/users', userPage, { query: { ...params }, signal })).data;
}

export const usersQueryOptions = (params: UserListParams) =>
  queryOptions({ queryKey: userKeys.list(params), queryFn: ({ signal }) => getUsers(params, signal), placeholderData: keepPreviousData });
