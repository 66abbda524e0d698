import type { Municipality, StaffRole } from '@alis/shared';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { isApiError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSession } from '../../../lib/use-session';
import { CASEWORK_ROLES } from '../../../lib/roles';
import { useOffices } from '../../../entities/reference/api/get-offices';
import { useMunicipality } from '../../../entities/municipalities/api/get-municipality';
import { MunicipalityDetails } from '../components/municipality-details';
import { MunicipalityEditForm } from '../components/municipality-edit-form';
import { MunicipalityRelated } from '../components/municipality-related';

interface MunicipalityPageProps {
  /** What other areas of the app show on the page, above its agreements and veiledere (the § 19 registration). */
  sections?: (municipality: Municipality, role: StaffRole | undefined) => ReactNode;
}

export function MunicipalityPage({ sections }: MunicipalityPageProps) {
  const { kommunenummer = '' } = useParams();
  const location = useLocation();
  const session = useSession();
  const valid = /^\d{4}$/.test(kommunenummer);
  const query = useMunicipality(kommunenummer, valid);
  const offices = useOffices();
  useDocumentTitle(query.data ? query.data.value.shortName : 'Kommune');

  const listSearch = (location.state as { listSearch?: unknown } | null)?.listSearch;
  const backTo = `/kommuner${typeof listSearch === 'string' ? listSearch : ''}`;
  const back = (
    <p>
      <Link to={backTo}>← Tilbake til kommunelisten</Link>
    </p>
  );

  if (!valid || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <>
        {back}
        <h1>Fant ikke kommunen</h1>
        <p>Det finnes ingen kommune med kommunenummer «{kommunenummer}» som du har tilgang til.</p>
      </>
    );
  }
  if (query.isPending) {
    return (
      <>
        {back}
        <Loading label="Laster kommunen …" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        {back}
        <h1>Kommune {kommunenummer}</h1>
        <ErrorAlert error={query.error} title="Kunne ikke hente kommunen" onRetry={() => void query.refetch()} />
      </>
    );
  }

  const { value: municipality, etag } = query.data;
  const role = session.status === 'authenticated' ? session.user.role : undefined;
  const canEdit = role === 'admin' || role === 'office';
  return (
    <>
      {back}
      <h1>
        {municipality.shortName} <span className="muted">({municipality.kommunenummer})</span>
      </h1>
      <div className="detail-grid">
        <MunicipalityDetails municipality={municipality} offices={offices.data} />
        {canEdit ? (
          <MunicipalityEditForm
            municipality={municipality}
            etag={etag}
            canChangeOffice={role === 'admin'}
            offices={offices.data}
            onReload={async () => (await query.refetch()).data}
          />
        ) : (
          <p className="alert alert-info">Du har lesetilgang til kommunene og kan ikke endre opplysningene.</p>
        )}
      </div>
      <div className="stack" style={{ marginTop: '1.5rem' }}>
        {sections?.(municipality, role)}
        {/* The directorate sees registrations, not the agreements and supervisors behind them. */}
        {role !== undefined && CASEWORK_ROLES.includes(role) ? <MunicipalityRelated kommunenummer={municipality.kommunenummer} /> : null}
      </div>
    </>
  );
}

