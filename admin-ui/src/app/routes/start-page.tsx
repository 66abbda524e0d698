import { Navigate } from 'react-router-dom';
import { useSession } from '../../lib/use-session';

/** Where signing in lands: an office user on their worklist, everyone else on the municipalities. */
export function StartPage() {
  const session = useSession();
  const role = session.status === 'authenticated' ? session.user.role : null;
  return <Navigate to={role === 'office' ? '/oppgaver' : '/kommuner'} replace />;
}
