import type { StaffRole } from '@alis/shared';
import { Link } from 'react-router-dom';
import { GrantApplicationResults } from '../../../entities/grants/components/grant-application-results';
import { GRANT_WRITER_ROLES } from '../utils/roles';
import { NewDraftForm } from './new-draft-form';

/** The municipality's grant applications (the directorate: those sent), and a new draft from its agreements. */
export function MunicipalityGrants({ kommunenummer, role }: { kommunenummer: string; role: StaffRole | undefined }) {
  return (
    <section aria-label="Kommunens tilskuddssøknader" className="card">
      <GrantApplicationResults params={{ kommunenummer, limit: 20 }} heading="Tilskuddssøknader" empty="Kommunen har ingen tilskuddssøknader." hideMunicipality />
      <p className="section-actions">
        <Link to={`/tilskudd?kommunenummer=${kommunenummer}`}>Alle kommunens søknader med filtre og sum</Link>
      </p>
      {role !== undefined && GRANT_WRITER_ROLES.includes(role) ? <NewDraftForm kommunenummer={kommunenummer} /> : null}
    </section>
  );
}
