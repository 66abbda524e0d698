import type { Office, User } from '@alis/shared';
import { Link } from 'react-router-dom';
import { Badge } from '../../../components/badge';
import { formatTimestamp } from '../../../lib/format';
import { ROLE_LABELS } from '../utils/user-form';

export function UsersTable({ items, offices, busy }: { items: User[]; offices: Office[] | undefined; busy: boolean }) {
  const officeName = (code: string | null) => (code ? (offices?.find((office) => office.code === code)?.name ?? code) : '–');
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">Brukere</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Rolle</th>
            <th scope="col">ALIS-kontor</th>
            <th scope="col">Status</th>
            <th scope="col">Sist innlogget</th>
          </tr>
        </thead>
        <tbody>
          {items.map((user) => (
            <tr key={user.id}>
              <td>
                <Link to={`/brukere/${user.id}`}>{user.name}</Link>
                <span className="cell-sub muted small">{user.email}</span>
              </td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{officeName(user.officeCode)}</td>
              <td>
                {user.active ? <Badge tone="success">Aktiv</Badge> : <Badge tone="neutral">Deaktivert</Badge>}{' '}
                {user.mustChangePassword ? <Badge tone="info">Engangspassord</Badge> : null}
              </td>
              <td>{user.lastLoginAt ? formatTimestamp(user.lastLoginAt) : 'Aldri'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
