import { Link, useNavigate } from 'react-router-dom';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { DoctorCreateForm } from '../../../entities/doctors/components/doctor-create-form';

export function NewDoctorPage() {
  useDocumentTitle('Ny lege');
  const navigate = useNavigate();
  return (
    <>
      <p>
        <Link to="/leger">← Tilbake til legene</Link>
      </p>
      <h1>Ny lege</h1>
      <section className="card narrow">
        <DoctorCreateForm onCreated={(doctor) => void navigate(`/leger/${doctor.id}`, { state: { created: true } })} />
      </section>
    </>
  );
}
