import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useLogout } from '../../features/auth/api/logout';
import { ACCOUNT_PATH } from '../../features/auth/components/require-auth';
import { roleLabel } from '../../features/auth/role-label';
import { useSession } from '../../lib/use-session';
import { navItemsFor } from './nav-items';

export function AppLayout() {
  const state = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  if (state.status !== 'authenticated') return null;
  const { user } = state;

  const onLogout = () => {
    logout.mutate(undefined, { onSettled: () => void navigate('/logg-inn', { replace: true }) });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Hopp til hovedinnholdet
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <p className="brand">ALIS-registeret</p>
          <nav aria-label="Hovedmeny">
            <ul className="nav-list">
              {navItemsFor(user.role).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="user-box">
            <p className="user-info">
              <span className="user-name">{user.name}</span>
              <span className="user-role">{roleLabel(user)}</span>
            </p>
            <NavLink to={ACCOUNT_PATH} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
              Min konto
            </NavLink>
            <button type="button" className="button button-secondary" onClick={onLogout} disabled={logout.isPending}>
              {logout.isPending ? 'Logger ut …' : 'Logg ut'}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
