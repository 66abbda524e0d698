import { Badge } from '../../../components/badge';
import { DetailPage } from '../../../components/detail-page';
import { DetailsList } from '../../../components/details-list';
import { useUser } from '../../../entities/users/api/get-user';
import { formatTimestamp } from '../../../lib/format';
import { OneTimePasswordForm, UserEditForm } from '../components/user-edit-form';
import { ROLE_LABELS } from '../utils/user-form';

const NAMES = { heading: 'Bruker', definite: 'brukeren', none: 'ingen bruker', list: { to: '/brukere', plural: 'brukerne' } };

/** One staff user (admin): who it is, its access, and a new one-time password. */
export function UserPage() {
  return (
    <DetailPage useResource={useUser} names={NAMES} title={(user) => user.name}>
      {({ value: user, etag }, { reload }) => (
        <>
          <h1>{user.name}</h1>
          <div className="detail-grid">
            <section className="card" aria-labelledby="user-details-heading">
              <h2 id="user-details-heading">Opplysninger</h2>
              <DetailsList
                testId="user-details"
                rows={[
                  ['E-post', user.email],
                  ['Rolle', ROLE_LABELS[user.role]],
                  ['Status', user.active ? <Badge key="a" tone="success">Aktiv</Badge> : <Badge key="a" tone="neutral">Deaktivert</Badge>],
                  ['Passord', user.mustChangePassword ? 'Engangspassord, ikke byttet ennå' : 'Valgt av brukeren'],
                  ['Sist innlogget', user.lastLoginAt ? formatTimestamp(user.lastLoginAt) : 'Aldri'],
                  ['Opprettet', formatTimestamp(user.createdAt)],
                ]}
              />
            </section>
            <UserEditForm key={`edit-${user.id}`} user={user} etag={etag} onReload={reload} />
            <OneTimePasswordForm key={`password-${user.id}`} user={user} etag={etag} onReload={reload} />
          </div>
        </>
      )}
    </DetailPage>
  );
}
