import type { ApiClient } from '@alis/shared';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { FiltersForm } from '../../../components/filters-form';
import { PagedResults } from '../../../components/paged-results';
import { UrlSelect } from '../../../components/url-select';
import { apiClientsQueryOptions, useRevokeApiClient } from '../../../entities/api-clients/api/api-clients';
import { LIST_PAGE_SIZE, oneOf } from '../../../lib/url-filters';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ApiClientCreateForm } from '../components/api-client-create-form';
import { ApiClientsTable } from '../components/api-clients-table';

const REVOKED_OPTIONS = [
  { value: 'false', label: 'Aktive' },
  { value: 'true', label: 'Trukket tilbake' },
];

/** Machine clients (admin): the list, registering one (its secret shown once), and revoking one. */
export function ApiClientsPage() {
  useDocumentTitle('API-klienter');
  const id = useId();
  const [searchParams] = useSearchParams();
  const revoked = oneOf(searchParams.get('revoked') ?? '', ['true', 'false']);
  const revoke = useRevokeApiClient();
  const [target, setTarget] = useState<ApiClient | null>(null);
  const [revokedName, setRevokedName] = useState<string | null>(null);
  return (
    <>
      <h1>API-klienter</h1>
      <p className="muted">Kommunenes HR-systemer og Helsedirektoratets rapportjobber henter tokens med klient-ID og hemmelighet (OAuth 2.0).</p>
      <FiltersForm label="Filtrer API-klienter" active={revoked !== ''}>
        <UrlSelect id={`${id}-revoked`} label="Status" param="revoked" value={revoked} options={REVOKED_OPTIONS} />
      </FiltersForm>
      {revokedName ? (
        <p role="status" className="alert alert-success">
          {revokedName} er trukket tilbake. Tokenene slutter å virke med en gang.
        </p>
      ) : null}
      <div className="detail-grid">
        <PagedResults
          params={{ limit: LIST_PAGE_SIZE, ...(revoked ? { revoked } : {}) }}
          queryOptions={apiClientsQueryOptions}
          nouns={['klient', 'klienter']}
          heading="Klienter"
          empty="Ingen API-klienter passer filteret"
          pageInUrl
        >
          {(items, busy) => (
            <ApiClientsTable
              items={items}
              busy={busy}
              onRevoke={(client) => {
                revoke.reset();
                setTarget(client);
              }}
            />
          )}
        </PagedResults>
        <ApiClientCreateForm />
      </div>
      <ConfirmDialog
        open={target !== null}
        title={target ? `Trekke tilbake ${target.name}?` : ''}
        confirmLabel="Trekk tilbake"
        busy={revoke.isPending}
        onCancel={() => setTarget(null)}
        onConfirm={() =>
          target &&
          revoke.mutate(target.id, {
            onSuccess: () => {
              setRevokedName(target.name);
              setTarget(null);
            },
          })
        }
      >
        <p>Klienten kan ikke hente nye tokens, og tokenene den har slutter å virke med en gang. Dette kan ikke angres.</p>
        {revoke.isError ? <ErrorAlert error={revoke.error} title="Kunne ikke trekke tilbake klienten" /> : null}
      </ConfirmDialog>
    </>
  );
}
