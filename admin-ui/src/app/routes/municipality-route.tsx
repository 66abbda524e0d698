import { specialties } from '@alis/shared';
import { MunicipalityPage } from '../../features/municipalities/routes/municipality-page';
import { MunicipalityGrants } from '../../features/grants/components/municipality-grants';
import { RegistrationPanel } from '../../features/registrations/components/registration-panel';
import { FollowUpLog } from '../../features/follow-ups/components/follow-up-log';
import { APPLICATION_EDITOR_ROLES, CASEWORK_ROLES } from '../../lib/roles';

/**
 * `/kommuner/{k}`: the municipality's page with its registration panels in it, general practice (ALM)
 * first, then community medicine (SAM). Features do not import each other, so the page that shows
 * two of them is put together here.
 */
export function MunicipalityRoute() {
  return (
    <MunicipalityPage
      sections={(municipality, role) => (
        <>
          {specialties.map((specialty) => (
            <RegistrationPanel
              key={specialty}
              kommunenummer={municipality.kommunenummer}
              specialty={specialty}
              canEditApplication={role !== undefined && APPLICATION_EDITOR_ROLES.includes(role)}
            />
          ))}
          <MunicipalityGrants kommunenummer={municipality.kommunenummer} role={role} />
          {role !== undefined && CASEWORK_ROLES.includes(role) ? <FollowUpLog kommunenummer={municipality.kommunenummer} /> : null}
        </>
      )}
    />
  );
}
