import { useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { MunicipalityFilters } from '../components/municipality-filters';
import { MunicipalityResults } from '../components/municipality-results';
import { municipalityFiltersFrom } from '../utils/filters';

export function MunicipalitiesPage() {
  useDocumentTitle('Kommuner');
  const [searchParams] = useSearchParams();
  const filters = municipalityFiltersFrom(searchParams);
  return (
    <>
      <h1>Kommuner</h1>
      <MunicipalityFilters />
      <MunicipalityResults filters={filters} />
    </>
  );
}
