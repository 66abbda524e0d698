import { Link, useLocation, useParams } from 'react-router-dom';
import { DetailPage, navigationState } from '../../../components/detail-page';
import { AgreementResults } from '../../../entities/agreements/components/agreement-results';
import { useDoctor } from '../../../entities/doctors/api/get-doctor';
import { isUuid } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { DoctorEditForm } from '../components/doctor-edit-form';
import { DoctorSummary } from '../components/doctor-summary';

export function DoctorPage() {
  const { id = '' } = useParams();
  const { created } = navigationState(useLocation().state);
  const query = useDoctor(id, isUuid(id));
  useDocumentTitle(query.data ? query.data.value.name : 'Lege');
  return (
    <DetailPage
      query={query}
      valid={isUuid(id)}
      back={{ to: '/leger', label: '← Tilbake til legene' }}
      notFound={{ title: 'Fant ikke legen', text: 'Det finnes ingen lege med denne ID-en som du har tilgang til.' }}
      loadingLabel="Laster legen …"
      errorHeading="Lege"
      errorTitle="Kunne ikke hente legen"
    >
      {({ value: doctor, etag }) => (
        <>
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
            <AgreementResults params={{ doctorId: doctor.id, limit: 20 }} heading="ALIS-avtaler" empty="Legen har ingen ALIS-avtaler ennå." hide={['doctor']} />
          </section>
        </>
      )}
    </DetailPage>
  );
}
