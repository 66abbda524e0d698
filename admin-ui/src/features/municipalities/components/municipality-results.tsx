import { PagedResults } from '../../../components/paged-results';
import { municipalitiesQueryOptions } from '../../../entities/municipalities/api/get-municipalities';
import { useOffices } from '../../../entities/reference/api/get-offices';
import { type MunicipalityFilters, toMunicipalityListParams } from '../utils/filters';
import { MunicipalitiesTable } from './municipalities-table';

/** One filtered list with cursor paging; new filters start again from the first page. */
export function MunicipalityResults({ filters }: { filters: MunicipalityFilters }) {
  const offices = useOffices();
  return (
    <PagedResults params={toMunicipalityListParams(filters)} queryOptions={municipalitiesQueryOptions} nouns={['kommune', 'kommuner']} pageInUrl empty="Ingen kommuner passer filteret">
      {(items, busy) => <MunicipalitiesTable items={items} offices={offices.data} busy={busy} />}
    </PagedResults>
  );
}
