import { useMutation } from '@tanstack/react-query';
import { session } from '../../../lib/session';

export interface LoginInput {
  email: string;
  password: string;
}

/** `POST /api/v1/auth/login`: starts the session on success. */
export const login = ({ email, password }: LoginInput) => session.login(email, password);

export const useLogin = () => useMutation({ mutationFn: login });
