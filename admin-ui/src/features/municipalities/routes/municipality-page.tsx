import type { Municipality, StaffRole } from '@alis/shared';
import type { ReactNode } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { DetailPage, navigationState } from '../../../components/detail-page';
import { useMunicipality } from '../../../entities/municipalities/api/get-municipality';
import { useOffices } from '../../../entities/reference/api/get-offices';
import { CASEWORK_ROLES } from '../../../lib/roles';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSession } from '../../../lib/use-session';
import { MunicipalityDetails } from '../components/municipality-details';
import { MunicipalityEditForm } from '../components/municipality-edit-form';
import { MunicipalityRelated } from '../components/municipality-related';

interface MunicipalityPageProps {
  /** What other areas of the app show on the page, above its agreements and veiledere (the § 19 registration). */
  sections?: (municipality: Municipality, role: StaffRole | undefined) => ReactNode;
}

export function MunicipalityPage({ sections }: MunicipalityPageProps) {
  const { kommunenummer = '' } = useParams();
  const { listSearch } = navigationState(useLocation().state);
  const session = useSession();
  const valid = /^\d{4}$/.test(kommunenummer);
  const query = useMunicipality(kommunenummer, valid);
  const offices = useOffices();
  useDocumentTitle(query.data ? query.data.value.shortName : 'Kommune');
  const role = session.status === 'authenticated' ? session.user.role : undefined;
  const canEdit = role === 'admin' || role === 'office';

  return (
    <DetailPage
      query={query}
      valid={valid}
      back={{ to: `/kommuner${listSearch}`, label: '← Tilbake til kommunelisten' }}
      notFound={{ title: 'Fant ikke kommunen', text: `Det finnes ingen kommune med kommunenummer «${kommunenummer}» som du har tilgang til.` }}
      loadingLabel="Laster kommunen …"
      errorHeading={`Kommune ${kommunenummer}`}
      errorTitle="Kunne ikke hente kommunen"
    >
      {({ value: municipality, etag }) => (
        <>
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
      )}
    </DetailPage>
  );
}
