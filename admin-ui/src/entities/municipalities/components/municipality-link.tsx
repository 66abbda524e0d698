import { Link } from 'react-router-dom';
import { useMunicipality } from '../api/get-municipality';

/**
 * A municipality by its name («Herøy (Nordland) (1818)»), linked to its page; the number alone while
 * the name loads or when the caller may not see the municipality.
 */
export function MunicipalityLink({ kommunenummer }: { kommunenummer: string }) {
  const query = useMunicipality(kommunenummer);
  const municipality = query.data?.value;
  return (
    <Link to={`/kommuner/${kommunenummer}`} data-testid="municipality-link">
      {municipality ? `${municipality.shortName} (${kommunenummer})` : kommunenummer}
    </Link>
  );
}
