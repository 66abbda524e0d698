import type { RegistrationStatus, Specialty } from '@alis/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { formatDate, formatTimestamp } from '../../../lib/format';
import { useRegistrationHistory } from '../../../entities/registrations/api/get-registration-history';
import { REGISTRATION_STATUS_LABELS } from '../utils/status';

const label = (status: RegistrationStatus) => REGISTRATION_STATUS_LABELS[status];

/** Every status change of the registration, newest first, with who made it. */
export function RegistrationHistory({
  kommunenummer,
  specialty,
  headingId,
  panelHeadingId,
}: {
  kommunenummer: string;
  specialty: Specialty;
  headingId: string;
  /** The panel's heading, so the ALM and SAM histories have names of their own. */
  panelHeadingId: string;
}) {
  const query = useRegistrationHistory(kommunenummer, specialty);
  return (
    <section aria-labelledby={`${headingId} ${panelHeadingId}`}>
      <h3 id={headingId}>Historikk</h3>
      {query.isPending ? <Loading label="Laster historikk …" /> : null}
      {query.isError && !query.data ? <ErrorAlert error={query.error} title="Kunne ikke hente historikken" onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        query.data.pages[0]?.items.length === 0 ? (
          <p className="muted">Ingen statusendringer ennå.</p>
        ) : (
          <ol className="history" data-testid="registration-history">
            {query.data.pages.flatMap((page) =>
              page.items.map((entry) => (
                <li key={entry.id}>
                  <p>
                    <strong>{formatDate(entry.date)}</strong>: {label(entry.from)} → {label(entry.to)}
                  </p>
                  <p className="muted small">
                    {entry.actorName ?? (entry.actorType === 'system' ? 'Systemet' : 'Ukjent')}, registrert {formatTimestamp(entry.occurredAt)}
                  </p>
                  {entry.note ? <p className="small">{entry.note}</p> : null}
                </li>
              )),
            )}
          </ol>
        )
      ) : null}
      {query.hasNextPage ? (
        <button type="button" className="button button-secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? 'Laster …' : 'Vis eldre'}
        </button>
      ) : null}
    </section>
  );
}
