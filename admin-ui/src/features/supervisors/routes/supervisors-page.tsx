import { Link, useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { SupervisorFilters } from '../components/supervisor-filters';
import { SupervisorResults } from '../../../entities/supervisors/components/supervisor-results';
import { supervisorFiltersFrom, toSupervisorListParams } from '../utils/filters';

export function SupervisorsPage() {
  useDocumentTitle('Veiledere');
  const [searchParams] = useSearchParams();
  return (
    <>
      <div className="page-header">
        <h1>Veiledere</h1>
        <Link className="button button-primary" to="/veiledere/ny">
          Ny veileder
        </Link>
      </div>
      <p className="muted">Veiledere og supervisører, med kvalifikasjon, veilederkurs og hvor mange ALIS de følger.</p>
      <SupervisorFilters />
      <section aria-label="Veiledere">
        <SupervisorResults params={toSupervisorListParams(supervisorFiltersFrom(searchParams))} pageInUrl />
      </section>
    </>
  );
}
