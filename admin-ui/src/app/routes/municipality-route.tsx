import { MunicipalityPage } from '../../features/municipalities/routes/municipality-page';
import { RegistrationPanel } from '../../features/registrations/components/registration-panel';
import { APPLICATION_EDITOR_ROLES } from '../../lib/roles';

/**
 * `/kommuner/{k}`: the municipality's page with the registration panel in it. Features do not import
 * each other, so the page that shows two of them is put together here.
 */
export function MunicipalityRoute() {
  return (
    <MunicipalityPage
      sections={(municipality, role) => (
        <RegistrationPanel
          kommunenummer={municipality.kommunenummer}
          canEditApplication={role !== undefined && APPLICATION_EDITOR_ROLES.includes(role)}
        />
      )}
    />
  );
}
