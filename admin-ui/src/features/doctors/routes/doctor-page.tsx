import { Link, useLocation, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { isApiError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { AgreementResults } from '../../../entities/agreements/components/agreement-results';
import { useDoctor } from '../../../entities/doctors/api/get-doctor';
import { DoctorEditForm } from '../components/doctor-edit-form';
import { DoctorSummary } from '../components/doctor-summary';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function DoctorPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const valid = UUID.test(id);
  const query = useDoctor(id, valid);
  useDocumentTitle(query.data ? query.data.value.name : 'Lege');
  const created = (location.state as { created?: unknown } | null)?.created === true;
  const back = (
    <p>
      <Link to="/leger">← Tilbake til legene</Link>
    </p>
  );

  if (!valid || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <>
        {back}
        <h1>Fant ikke legen</h1>
        <p>Det finnes ingen lege med denne ID-en som du har tilgang til.</p>
      </>
    );
  }
  if (query.isPending) {
    return (
      <>
        {back}
        <Loading label="Laster legen …" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        {back}
        <h1>Lege</h1>
        <ErrorAlert error={query.error} title="Kunne ikke hente legen" onRetry={() => void query.refetch()} />
      </>
    );
  }

  const { value: doctor, etag } = query.data;
  return (
    <>
      {back}
      <div className="page-header">
        <h1>
          {doctor.name} <span className="muted">(HPR {doctor.hprNumber})</span>
        </h1>
        <Link className="button button-primary" to={`/avtaler/ny?doctorId=${doctor.id}`}>
          Ny avtale for legen
        </Link>
      </div>
      {created ? (
        <p role="status" className="alert alert-success">
          Legen er registrert.
        </p>
      ) : null}
      <div className="detail-grid">
        <DoctorSummary doctor={doctor} />
        <DoctorEditForm doctor={doctor} etag={etag} onReload={async () => (await query.refetch()).data} />
      </div>
      <section aria-label="Legens ALIS-avtaler" className="card" style={{ marginTop: '1.5rem' }}>
        <AgreementResults
          params={{ doctorId: doctor.id, limit: 20 }}
          heading="ALIS-avtaler"
          empty="Legen har ingen ALIS-avtaler ennå."
          hide={['doctor']}
        />
      </section>
    </>
  );
}
