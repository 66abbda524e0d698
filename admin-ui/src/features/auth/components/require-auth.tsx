import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Loading } from '../../../components/loading';
import { useSession } from '../../../lib/use-session';

/** The account page, where a user changes their password. */
export const ACCOUNT_PATH = '/konto';

/** Routes below it need a session; without one the user is sent to the login page and back. */
export function RequireAuth() {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') {
    return (
      <div className="page-center">
        <Loading label="Henter økten din …" />
      </div>
    );
  }
  if (state.status === 'anonymous') {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/logg-inn" replace state={{ from }} />;
  }
  // A one-time password from an administrator opens only the account page, to set one's own.
  if (state.user.mustChangePassword && location.pathname !== ACCOUNT_PATH) return <Navigate to={ACCOUNT_PATH} replace />;
  return <Outlet />;
}
