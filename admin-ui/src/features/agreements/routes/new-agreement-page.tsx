import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { AgreementCreateForm } from '../components/agreement-create-form';

/** `/avtaler/ny`, optionally with `?kommunenummer=` and `?doctorId=` from the municipality's or doctor's page. */
export function NewAgreementPage() {
  useDocumentTitle('Ny ALIS-avtale');
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const kommunenummer = searchParams.get('kommunenummer') ?? '';
  const doctorId = searchParams.get('doctorId') ?? '';
  return (
    <>
      <p>
        <Link to="/avtaler">← Tilbake til avtalene</Link>
      </p>
      <h1>Ny ALIS-avtale</h1>
      <AgreementCreateForm
        initialKommunenummer={/^\d{4}$/.test(kommunenummer) ? kommunenummer : ''}
        initialDoctorId={/^[0-9a-f-]{36}$/i.test(doctorId) ? doctorId : ''}
        onCreated={(id) => void navigate(`/avtaler/${id}`, { state: { created: true } })}
      />
    </>
  );
}
