import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { UrlSearchInput } from '../../../components/url-search-input';
import { hasAnyFilter, withFilter } from '../../../lib/url-filters';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { doctorFiltersFrom } from '../utils/filters';

export function DoctorFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = doctorFiltersFrom(searchParams);
  const id = useId();
  return (
    <form className="filters" role="search" aria-label="Filtrer leger" onSubmit={(event) => event.preventDefault()}>
      <UrlSearchInput id={`${id}-q`} label="Søk" param="q" placeholder="Navn eller HPR-nummer" />
      <MunicipalityPicker
        id={`${id}-kommune`}
        label="Kommune (har avtale i)"
        value={filters.kommunenummer}
        onChange={(value) => setSearchParams((current) => withFilter(current, 'kommunenummer', value))}
      />
      {hasAnyFilter(filters) ? (
        <div className="filters-actions">
          <button type="button" className="button button-secondary" onClick={() => setSearchParams(new URLSearchParams())}>
            Nullstill filtre
          </button>
        </div>
      ) : null}
    </form>
  );
}
