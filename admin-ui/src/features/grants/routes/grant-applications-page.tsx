import { Link, useSearchParams } from 'react-router-dom';
import { GrantApplicationResults } from '../../../entities/grants/components/grant-application-results';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSession } from '../../../lib/use-session';
import { GrantFilters } from '../components/grant-filters';
import { GrantSums } from '../components/grant-sums';
import { NewDraftForm } from '../components/new-draft-form';
import { grantFiltersFrom, toGrantListParams } from '../utils/filters';
import { GRANT_WRITER_ROLES } from '../utils/roles';

export function GrantApplicationsPage() {
  useDocumentTitle('Tilskudd');
  const [searchParams] = useSearchParams();
  const params = toGrantListParams(grantFiltersFrom(searchParams));
  const { limit: _limit, ...filters } = params;
  const session = useSession();
  const role = session.status === 'authenticated' ? session.user.role : undefined;
  return (
    <>
      <div className="page-header">
        <h1>Tilskudd: Nasjonal ALIS og veiledning</h1>
        <Link className="button button-secondary" to="/tilskudd/ordninger">
          Ordninger og satser
        </Link>
      </div>
      {role === 'directorate' ? <p className="muted">Du ser søknadene som er sendt Helsedirektoratet.</p> : null}
      {role !== undefined && GRANT_WRITER_ROLES.includes(role) ? <NewDraftForm /> : null}
      <GrantFilters />
      <GrantSums filters={filters} />
      <GrantApplicationResults params={params} heading="Søknader" pageInUrl />
    </>
  );
}
