import { Link, useLocation, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { isApiError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSupervisor } from '../../../entities/supervisors/api/get-supervisor';
import { SupervisedAgreements } from '../components/supervised-agreements';
import { SupervisorEditForm } from '../components/supervisor-edit-form';
import { SupervisorSummary } from '../components/supervisor-summary';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function SupervisorPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const valid = UUID.test(id);
  const query = useSupervisor(id, valid);
  useDocumentTitle(query.data ? query.data.value.name : 'Veileder');
  const created = (location.state as { created?: unknown } | null)?.created === true;
  const back = (
    <p>
      <Link to="/veiledere">← Tilbake til veilederne</Link>
    </p>
  );

  if (!valid || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <>
        {back}
        <h1>Fant ikke veilederen</h1>
        <p>Det finnes ingen veileder med denne ID-en som du har tilgang til.</p>
      </>
    );
  }
  if (query.isPending) {
    return (
      <>
        {back}
        <Loading label="Laster veilederen …" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        {back}
        <h1>Veileder</h1>
        <ErrorAlert error={query.error} title="Kunne ikke hente veilederen" onRetry={() => void query.refetch()} />
      </>
    );
  }

  const { value: supervisor, etag } = query.data;
  return (
    <>
      {back}
      <h1>{supervisor.name}</h1>
      {created ? (
        <p role="status" className="alert alert-success">
          Veilederen er registrert.
        </p>
      ) : null}
      <div className="detail-grid">
        <div className="stack">
          <SupervisorSummary supervisor={supervisor} />
          <SupervisedAgreements supervisions={supervisor.supervisions} />
        </div>
        <SupervisorEditForm
          supervisor={supervisor}
          etag={etag}
          onReload={async () => (await query.refetch()).data}
        />
      </div>
    </>
  );
}
