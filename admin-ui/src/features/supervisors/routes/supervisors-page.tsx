import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/page-header';
import { SupervisorFilters } from '../components/supervisor-filters';
import { SupervisorResults } from '../../../entities/supervisors/components/supervisor-results';
import { supervisorFiltersFrom, toSupervisorListParams } from '../utils/filters';

export function SupervisorsPage() {
  const [searchParams] = useSearchParams();
  return (
    <>
      <PageHeader title="Veiledere">
        <Link className="button button-primary" to="/veiledere/ny">
          Ny veileder
        </Link>
      </PageHeader>
      <p className="muted">Veiledere og supervisører, med kvalifikasjon, veilederkurs og hvor mange ALIS de følger.</p>
      <SupervisorFilters />
      <section aria-label="Veiledere">
        <SupervisorResults params={toSupervisorListParams(supervisorFiltersFrom(searchParams))} pageInUrl />
      </section>
    </>
  );
}
