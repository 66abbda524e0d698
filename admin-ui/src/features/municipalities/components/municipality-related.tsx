import { Link } from 'react-router-dom';
import { LIST_PAGE_SIZE } from '../../../lib/url-filters';
import { AgreementResults } from '../../../entities/agreements/components/agreement-results';
import { SupervisorResults } from '../../../entities/supervisors/components/supervisor-results';

/** The municipality's ALIS agreements and the veiledere working in or supervising there, with links. */
export function MunicipalityRelated({ kommunenummer }: { kommunenummer: string }) {
  return (
    <div className="stack">
      <section aria-label="Kommunens ALIS-avtaler" className="card">
        <AgreementResults
          params={{ kommunenummer, limit: 20 }}
          heading="ALIS-avtaler"
          empty="Kommunen har ingen ALIS-avtaler."
          hide={['municipality']}
        />
        <p className="section-actions">
          <Link className="button button-secondary" to={`/avtaler/ny?kommunenummer=${kommunenummer}`}>
            Ny avtale i kommunen
          </Link>
          <Link to={`/avtaler?kommunenummer=${kommunenummer}`}>Alle avtaler med filtre</Link>
        </p>
      </section>
      <section aria-label="Veiledere i kommunen" className="card">
        <SupervisorResults
          params={{ kommunenummer, limit: LIST_PAGE_SIZE }}
          heading="Veiledere"
          empty="Ingen veiledere arbeider i eller veileder i kommunen."
        />
      </section>
    </div>
  );
}
