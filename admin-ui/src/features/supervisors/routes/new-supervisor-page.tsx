import { Link, useNavigate } from 'react-router-dom';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { SupervisorCreateForm } from '../components/supervisor-create-form';

export function NewSupervisorPage() {
  useDocumentTitle('Ny veileder');
  const navigate = useNavigate();
  return (
    <>
      <p>
        <Link to="/veiledere">← Tilbake til veilederne</Link>
      </p>
      <h1>Ny veileder</h1>
      <section className="card narrow">
        <SupervisorCreateForm onCreated={(supervisor) => void navigate(`/veiledere/${supervisor.id}`, { state: { created: true } })} />
      </section>
    </>
  );
}
