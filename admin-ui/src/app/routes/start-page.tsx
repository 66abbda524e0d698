import { Navigate } from 'react-router-dom';
import { useSession } from '../../lib/use-session';

/** Where signing in lands: an office user on their worklist (the dashboard one click away), everyone else on the dashboard. */
export function StartPage() {
  const session = useSession();
  const role = session.status === 'authenticated' ? session.user.role : null;
  return <Navigate to={role === 'office' ? '/oppgaver' : '/oversikt'} replace />;
}
