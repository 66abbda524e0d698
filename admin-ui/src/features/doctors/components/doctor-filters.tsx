import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FiltersForm } from '../../../components/filters-form';
import { UrlSearchInput } from '../../../components/url-search-input';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { hasAnyFilter, withFilter } from '../../../lib/url-filters';
import { doctorFiltersFrom } from '../utils/filters';

export function DoctorFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = doctorFiltersFrom(searchParams);
  const id = useId();
  return (
    <FiltersForm label="Filtrer leger" active={hasAnyFilter(filters)}>
      <UrlSearchInput id={`${id}-q`} label="Søk" param="q" placeholder="Navn eller HPR-nummer" />
      <MunicipalityPicker
        id={`${id}-kommune`}
        label="Kommune (har avtale i)"
        value={filters.kommunenummer}
        onChange={(value) => setSearchParams((current) => withFilter(current, 'kommunenummer', value))}
      />
    </FiltersForm>
  );
}
