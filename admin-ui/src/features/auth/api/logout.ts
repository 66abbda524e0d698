import { useMutation, useQueryClient } from '@tanstack/react-query';
import { session } from '../../../lib/session';

/** `POST /api/v1/auth/logout`: revokes the refresh cookie; the local session ends regardless. */
export const logout = () => session.logout();

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => queryClient.clear(),
  });
}
