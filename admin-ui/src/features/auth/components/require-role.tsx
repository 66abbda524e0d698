import type { StaffRole } from '@alis/shared';
import { Link, Outlet } from 'react-router-dom';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSession } from '../../../lib/use-session';

function NoAccess() {
  useDocumentTitle('Ingen tilgang');
  return (
    <>
      <h1>Ingen tilgang</h1>
      <p>Rollen din gir ikke tilgang til denne delen av ALIS-registeret.</p>
      <p>
        <Link to="/kommuner">Gå til kommunelisten</Link>
      </p>
    </>
  );
}

/** Routes below it are for these roles only; others get a plain explanation instead of a failing page. */
export function RequireRole({ roles }: { roles: readonly StaffRole[] }) {
  const state = useSession();
  if (state.status !== 'authenticated') return null;
  return roles.includes(state.user.role) ? <Outlet /> : <NoAccess />;
}
