import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Loading } from '../../../components/loading';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSession } from '../../../lib/use-session';
import { LoginForm } from '../components/login-form';

/** Only paths inside the app, never an absolute URL someone slipped into the state. */
function safeTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/logg-inn' ? from : '/';
}

export function LoginPage() {
  useDocumentTitle('Logg inn');
  const state = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const target = safeTarget(location.state);

  if (state.status === 'authenticated') return <Navigate to={target} replace />;
  if (state.status === 'restoring') {
    return (
      <div className="page-center">
        <Loading label="Henter økten din …" />
      </div>
    );
  }

  return (
    <div className="login-layout">
      <main id="main" className="login-card" tabIndex={-1}>
        <p className="brand">ALIS-registeret</p>
        <h1>Logg inn</h1>
        {state.reason === 'expired' ? (
          <p role="status" className="alert alert-info">
            Økten din er utløpt. Logg inn på nytt.
          </p>
        ) : null}
        {state.reason === 'logged-out' ? (
          <p role="status" className="alert alert-info">
            Du er logget ut.
          </p>
        ) : null}
        <LoginForm onSuccess={() => void navigate(target, { replace: true })} />
      </main>
    </div>
  );
}
