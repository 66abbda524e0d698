import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/page-header';
import { DoctorFilters } from '../components/doctor-filters';
import { DoctorResults } from '../components/doctor-results';
import { doctorFiltersFrom } from '../utils/filters';

export function DoctorsPage() {
  const [searchParams] = useSearchParams();
  return (
    <>
      <PageHeader title="Leger">
        <Link className="button button-primary" to="/leger/ny">
          Ny lege
        </Link>
      </PageHeader>
      <p className="muted">Leger i spesialisering i allmennmedisin (ALIS), med HPR-nummer.</p>
      <DoctorFilters />
      <DoctorResults filters={doctorFiltersFrom(searchParams)} />
    </>
  );
}
