import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FiltersForm } from '../../../components/filters-form';
import { UrlSearchInput } from '../../../components/url-search-input';
import { UrlSelect, YES_NO } from '../../../components/url-select';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { hasAnyFilter, withFilter } from '../../../lib/url-filters';
import { supervisorFiltersFrom } from '../utils/filters';

export function SupervisorFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = supervisorFiltersFrom(searchParams);
  const id = useId();
  return (
    <FiltersForm label="Filtrer veiledere" active={hasAnyFilter(filters)}>
      <UrlSearchInput id={`${id}-q`} label="Søk" param="q" placeholder="Navn eller HPR-nummer" />
      <MunicipalityPicker
        id={`${id}-kommune`}
        label="Kommune"
        value={filters.kommunenummer}
        onChange={(value) => setSearchParams((current) => withFilter(current, 'kommunenummer', value))}
      />
      <UrlSelect id={`${id}-qualified`} label="Kvalifisert som veileder" param="qualified" value={filters.qualified} options={YES_NO} />
      <UrlSelect id={`${id}-over`} label="Over kapasitet" param="overCapacity" value={filters.overCapacity} options={YES_NO} />
    </FiltersForm>
  );
}
