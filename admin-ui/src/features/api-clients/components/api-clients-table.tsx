import type { ApiClient } from '@alis/shared';
import { Badge } from '../../../components/badge';
import { formatTimestamp, labelOf } from '../../../lib/format';
import { CLIENT_ROLE_LABELS, SCOPE_LABELS } from '../utils/api-client-form';

interface ApiClientsTableProps {
  items: ApiClient[];
  busy: boolean;
  onRevoke: (client: ApiClient) => void;
}

export function ApiClientsTable({ items, busy, onRevoke }: ApiClientsTableProps) {
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">API-klienter</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Type</th>
            <th scope="col">Tilgang</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Handling</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((client) => (
            <tr key={client.id}>
              <td>
                {client.name}
                <span className="cell-sub muted small">{client.clientId}</span>
              </td>
              <td>
                {CLIENT_ROLE_LABELS[client.role]}
                {client.kommunenummer ? <span className="cell-sub muted small">Kommune {client.kommunenummer}</span> : null}
              </td>
              <td>{client.scopes.map((scope) => labelOf(SCOPE_LABELS, scope)).join(', ')}</td>
              <td>
                {client.revokedAt ? (
                  <Badge tone="neutral">{`Trukket tilbake ${formatTimestamp(client.revokedAt)}`}</Badge>
                ) : (
                  <Badge tone="success">Aktiv</Badge>
                )}
                <span className="cell-sub muted small">Registrert {formatTimestamp(client.createdAt)}</span>
              </td>
              <td>
                {client.revokedAt ? null : (
                  <button type="button" className="button button-danger button-small" onClick={() => onRevoke(client)} aria-label={`Trekk tilbake ${client.name}`}>
                    Trekk tilbake
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
