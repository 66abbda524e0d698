import { useMutation } from '@tanstack/react-query';
import { session } from '../../../lib/session';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** `POST /api/v1/auth/password`: the session continues with the new session the API answers with. */
export const changePassword = ({ currentPassword, newPassword }: ChangePasswordInput) => session.changePassword(currentPassword, newPassword);

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
