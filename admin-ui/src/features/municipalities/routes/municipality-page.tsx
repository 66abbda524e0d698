import { type Municipality, type StaffRole, isKommunenummerFormat } from '@alis/shared';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { DetailView } from '../../../components/detail-page';
import { useMunicipality } from '../../../entities/municipalities/api/get-municipality';
import { useOffices } from '../../../entities/reference/api/get-offices';
import { CASEWORK_ROLES } from '../../../lib/roles';
import { useSession } from '../../../lib/use-session';
import { MunicipalityDetails } from '../components/municipality-details';
import { MunicipalityEditForm } from '../components/municipality-edit-form';
import { MunicipalityRelated } from '../components/municipality-related';

const NAMES = { heading: 'Kommune', definite: 'kommunen', none: 'ingen kommune', list: { to: '/kommuner', plural: 'kommunelisten' } };

interface MunicipalityPageProps {
  /** What other areas of the app show on the page, above its agreements and veiledere (the § 19 registration). */
  sections?: (municipality: Municipality, role: StaffRole | undefined) => ReactNode;
}

export function MunicipalityPage({ sections }: MunicipalityPageProps) {
  const { kommunenummer = '' } = useParams();
  const session = useSession();
  const valid = isKommunenummerFormat(kommunenummer);
  const query = useMunicipality(kommunenummer, valid);
  const offices = useOffices();
  const role = session.status === 'authenticated' ? session.user.role : undefined;
  const canEdit = role === 'admin' || role === 'office';
  const names = { ...NAMES, heading: `Kommune ${kommunenummer}`, address: `kommunenummer «${kommunenummer}»` };

  return (
    <DetailView query={query} valid={valid} names={names} title={(municipality) => municipality.shortName}>
      {({ value: municipality, etag }, { reload }) => (
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
                onReload={reload}
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
    </DetailView>
  );
}
