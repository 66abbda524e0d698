import { useState } from 'react';
import { DetailsList } from '../../../components/details-list';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSession } from '../../../lib/use-session';
import { roleLabel } from '../role-label';
import { ChangePasswordForm } from '../components/change-password-form';

/** The signed-in user's own account: who they are, and changing their password (a one-time password must be changed here first). */
export function AccountPage() {
  useDocumentTitle('Min konto');
  const state = useSession();
  const [changes, setChanges] = useState(0);
  if (state.status !== 'authenticated') return null;
  const { user } = state;
  return (
    <div className="narrow stack">
      <h1>Min konto</h1>
      {user.mustChangePassword ? (
        <p className="alert alert-warning" role="status">
          Du er logget inn med et engangspassord fra en administrator. Velg ditt eget passord før du fortsetter.
        </p>
      ) : null}
      {changes > 0 && !user.mustChangePassword ? (
        <p className="alert alert-success" role="status">
          Passordet er byttet. Du er logget ut på alle andre enheter.
        </p>
      ) : null}
      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">Opplysninger</h2>
        <DetailsList
          rows={[
            ['Navn', user.name],
            ['E-post', user.email],
            ['Rolle', roleLabel(user)],
          ]}
        />
      </section>
      <section className="card">
        <ChangePasswordForm key={changes} onChanged={() => setChanges((count) => count + 1)} />
      </section>
    </div>
  );
}
