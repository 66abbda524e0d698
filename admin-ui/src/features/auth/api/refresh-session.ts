import { session } from '../../../lib/session';

/** `POST /api/v1/auth/refresh`: on app start, restores the session from the refresh cookie. */
export const restoreSession = () => session.restore();
