import { Link, useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { DoctorFilters } from '../components/doctor-filters';
import { DoctorResults } from '../components/doctor-results';
import { doctorFiltersFrom } from '../utils/filters';

export function DoctorsPage() {
  useDocumentTitle('Leger');
  const [searchParams] = useSearchParams();
  return (
    <>
      <div className="page-header">
        <h1>Leger</h1>
        <Link className="button button-primary" to="/leger/ny">
          Ny lege
        </Link>
      </div>
      <p className="muted">Leger i spesialisering i allmennmedisin (ALIS), med HPR-nummer.</p>
      <DoctorFilters />
      <DoctorResults filters={doctorFiltersFrom(searchParams)} />
    </>
  );
}
