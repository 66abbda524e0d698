import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { UrlSearchInput } from '../../../components/url-search-input';
import { hasAnyFilter, withFilter } from '../../../lib/url-filters';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { supervisorFiltersFrom } from '../utils/filters';

export function SupervisorFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = supervisorFiltersFrom(searchParams);
  const id = useId();
  const setFilter = (key: string, value: string) => setSearchParams((current) => withFilter(current, key, value));
  return (
    <form className="filters" role="search" aria-label="Filtrer veiledere" onSubmit={(event) => event.preventDefault()}>
      <UrlSearchInput id={`${id}-q`} label="Søk" param="q" placeholder="Navn eller HPR-nummer" />
      <MunicipalityPicker
        id={`${id}-kommune`}
        label="Kommune"
        value={filters.kommunenummer}
        onChange={(value) => setFilter('kommunenummer', value)}
      />
      <div className="field">
        <label htmlFor={`${id}-qualified`}>Kvalifisert som veileder</label>
        <select id={`${id}-qualified`} value={filters.qualified} onChange={(event) => setFilter('qualified', event.target.value)}>
          <option value="">Alle</option>
          <option value="true">Ja</option>
          <option value="false">Nei</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-over`}>Over kapasitet</label>
        <select id={`${id}-over`} value={filters.overCapacity} onChange={(event) => setFilter('overCapacity', event.target.value)}>
          <option value="">Alle</option>
          <option value="true">Ja</option>
          <option value="false">Nei</option>
        </select>
      </div>
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
