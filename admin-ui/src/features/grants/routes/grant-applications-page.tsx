import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/page-header';
import { GrantApplicationResults } from '../../../entities/grants/components/grant-application-results';
import { useSession } from '../../../lib/use-session';
import { GrantFilters } from '../components/grant-filters';
import { GrantSums } from '../components/grant-sums';
import { NewDraftForm } from '../components/new-draft-form';
import { grantFiltersFrom, toGrantListParams } from '../utils/filters';
import { GRANT_WRITER_ROLES } from '../utils/roles';

export function GrantApplicationsPage() {
  const [searchParams] = useSearchParams();
  const params = toGrantListParams(grantFiltersFrom(searchParams));
  const { limit: _limit, ...filters } = params;
  const session = useSession();
  const role = session.status === 'authenticated' ? session.user.role : undefined;
  return (
    <>
      <PageHeader title="Tilskudd: Nasjonal ALIS og veiledning" documentTitle="Tilskudd">
        <Link className="button button-secondary" to="/tilskudd/ordninger">
          Ordninger og satser
        </Link>
      </PageHeader>
      {role === 'directorate' ? <p className="muted">Du ser søknadene som er sendt Helsedirektoratet.</p> : null}
      {role !== undefined && GRANT_WRITER_ROLES.includes(role) ? <NewDraftForm /> : null}
      <GrantFilters />
      <GrantSums filters={filters} />
      <GrantApplicationResults params={params} heading="Søknader" pageInUrl />
    </>
  );
}
