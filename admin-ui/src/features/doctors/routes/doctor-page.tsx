import { Link } from 'react-router-dom';
import { DetailPage } from '../../../components/detail-page';
import { AgreementResults } from '../../../entities/agreements/components/agreement-results';
import { useDoctor } from '../../../entities/doctors/api/get-doctor';
import { DoctorEditForm } from '../components/doctor-edit-form';
import { DoctorSummary } from '../components/doctor-summary';

const NAMES = { heading: 'Lege', definite: 'legen', none: 'ingen lege', list: { to: '/leger', plural: 'legene' } };

export function DoctorPage() {
  return (
    <DetailPage useResource={useDoctor} names={NAMES} title={(doctor) => doctor.name}>
      {({ value: doctor, etag }, { created, reload }) => (
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
            <DoctorEditForm doctor={doctor} etag={etag} onReload={reload} />
          </div>
          <section aria-label="Legens ALIS-avtaler" className="card" style={{ marginTop: '1.5rem' }}>
            <AgreementResults params={{ doctorId: doctor.id, limit: 20 }} heading="ALIS-avtaler" empty="Legen har ingen ALIS-avtaler ennå." hide={['doctor']} />
          </section>
        </>
      )}
    </DetailPage>
  );
}
