import type { GrantApplication } from '@alis/shared';
import { Link } from 'react-router-dom';
import { Badge } from '../../../components/badge';
import { formatNok } from '../../../lib/format';
import { GRANT_STATUS_LABELS, GRANT_STATUS_TONES } from '../utils/labels';

interface GrantApplicationsTableProps {
  items: GrantApplication[];
  busy: boolean;
  /** Leave out the municipality (on the municipality's own page). */
  hideMunicipality?: boolean;
}

export function GrantApplicationsTable({ items, busy, hideMunicipality = false }: GrantApplicationsTableProps) {
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">Tilskuddssøknader</caption>
        <thead>
          <tr>
            {hideMunicipality ? null : <th scope="col">Kommune</th>}
            <th scope="col">Ordning</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Søkt
            </th>
            <th scope="col" className="numeric">
              Innvilget
            </th>
            <th scope="col" className="numeric">
              Utbetalt
            </th>
            <th scope="col" className="numeric">
              Problemer
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              {hideMunicipality ? null : (
                <td>
                  <Link to={`/tilskudd/${a.id}`}>{`${a.municipalityName} (${a.kommunenummer})`}</Link>
                </td>
              )}
              <td>{hideMunicipality ? <Link to={`/tilskudd/${a.id}`}>{a.scheme.name}</Link> : a.scheme.name}</td>
              <td>
                <Badge tone={GRANT_STATUS_TONES[a.status]}>{GRANT_STATUS_LABELS[a.status]}</Badge>{' '}
                {a.certificateOverdue ? <Badge tone="danger">Revisorattest mangler</Badge> : null}
              </td>
              <td className="numeric">{formatNok(a.totalNok)}</td>
              <td className="numeric">{formatNok(a.grantedNok)}</td>
              <td className="numeric">{formatNok(a.paidNok)}</td>
              <td className="numeric">{a.problems.length > 0 ? <Badge tone="warning">{String(a.problems.length)}</Badge> : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
