import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { useGrantHistory } from '../../../entities/grants/api/get-grant-history';
import { GRANT_STATUS_LABELS } from '../../../entities/grants/utils/labels';
import { formatDate, formatTimestamp } from '../../../lib/format';

/** Every status change of the application, newest first, with who made it and why. */
export function ApplicationHistory({ id }: { id: string }) {
  const query = useGrantHistory(id);
  return (
    <section aria-labelledby="grant-history-heading" className="card">
      <h2 id="grant-history-heading">Historikk</h2>
      {query.isPending ? <Loading label="Laster historikk …" /> : null}
      {query.isError ? <ErrorAlert error={query.error} title="Kunne ikke hente historikken" onRetry={() => void query.refetch()} /> : null}
      {query.data?.length === 0 ? <p className="muted">Ingen statusendringer ennå.</p> : null}
      {query.data && query.data.length > 0 ? (
        <ol className="history" data-testid="grant-history">
          {query.data.map((entry) => (
            <li key={entry.id}>
              <p>
                <strong>{formatDate(entry.date)}</strong>: {GRANT_STATUS_LABELS[entry.from]} → {GRANT_STATUS_LABELS[entry.to]}
              </p>
              <p className="muted small">
                {entry.actorName ?? (entry.actorType === 'system' ? 'Systemet' : 'Ukjent')}, registrert {formatTimestamp(entry.occurredAt)}
              </p>
              {entry.reason ? <p className="small">{entry.reason}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
