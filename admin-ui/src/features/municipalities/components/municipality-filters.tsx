import { useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useCounties } from '../../../entities/reference/api/get-counties';
import { useOffices } from '../../../entities/reference/api/get-offices';
import { type MunicipalityFilters as Filters, filtersFromSearchParams, hasActiveFilters, withFilter } from '../utils/filters';

/** Search and filters for the list, kept in the URL so a filtered list can be shared and bookmarked. */
export function MunicipalityFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams);
  const offices = useOffices();
  const counties = useCounties();
  const id = useId();

  // The search box updates the URL after a pause in typing; a URL change from elsewhere (back
  // button, "Nullstill filtre") updates the box.
  const [search, setSearch] = useState(filters.q);
  const debouncedSearch = useDebouncedValue(search, 300);
  const lastDebounced = useRef(debouncedSearch);
  useEffect(() => {
    if (debouncedSearch === lastDebounced.current) return;
    lastDebounced.current = debouncedSearch;
    setSearchParams((current) => withFilter(current, 'q', debouncedSearch), { replace: true });
  }, [debouncedSearch, setSearchParams]);
  const [urlSearch, setUrlSearch] = useState(filters.q);
  if (filters.q !== urlSearch) {
    setUrlSearch(filters.q);
    if (filters.q !== search.trim()) setSearch(filters.q);
  }

  const setFilter = (key: keyof Filters, value: string) => setSearchParams((current) => withFilter(current, key, value));

  return (
    <form className="filters" role="search" aria-label="Filtrer kommuner" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-q`}>Søk</label>
        <input
          id={`${id}-q`}
          type="search"
          name="q"
          value={search}
          maxLength={100}
          placeholder="Navn eller kommunenummer"
          autoComplete="off"
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') setSearchParams((current) => withFilter(current, 'q', search), { replace: true });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-office`}>ALIS-kontor</label>
        <select
          id={`${id}-office`}
          name="officeCode"
          value={filters.officeCode}
          disabled={offices.isPending}
          aria-describedby={offices.isError ? `${id}-office-error` : undefined}
          onChange={(event) => setFilter('officeCode', event.target.value)}
        >
          <option value="">{offices.isPending ? 'Laster …' : 'Alle kontor'}</option>
          {offices.data?.map((office) => (
            <option key={office.code} value={office.code}>
              {office.name}
            </option>
          ))}
          {filters.officeCode && offices.data && !offices.data.some((office) => office.code === filters.officeCode) ? (
            <option value={filters.officeCode}>{filters.officeCode}</option>
          ) : null}
        </select>
        {offices.isError ? (
          <p id={`${id}-office-error`} className="field-error">
            Kunne ikke hente ALIS-kontorene.
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-county`}>Fylke</label>
        <select
          id={`${id}-county`}
          name="countyNumber"
          value={filters.countyNumber}
          disabled={counties.isPending}
          aria-describedby={counties.isError ? `${id}-county-error` : undefined}
          onChange={(event) => setFilter('countyNumber', event.target.value)}
        >
          <option value="">{counties.isPending ? 'Laster …' : 'Alle fylker'}</option>
          {counties.data?.map((county) => (
            <option key={county.countyNumber} value={county.countyNumber}>
              {county.name} ({county.countyNumber})
            </option>
          ))}
          {filters.countyNumber && counties.data && !counties.data.some((county) => county.countyNumber === filters.countyNumber) ? (
            <option value={filters.countyNumber}>{filters.countyNumber}</option>
          ) : null}
        </select>
        {counties.isError ? (
          <p id={`${id}-county-error`} className="field-error">
            Kunne ikke hente fylkene.
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-challenged`}>Rekrutteringsutfordret</label>
        <select
          id={`${id}-challenged`}
          name="recruitmentChallenged"
          value={filters.recruitmentChallenged}
          onChange={(event) => setFilter('recruitmentChallenged', event.target.value)}
        >
          <option value="">Alle</option>
          <option value="true">Ja</option>
          <option value="false">Nei</option>
        </select>
      </div>
      {hasActiveFilters(filters) ? (
        <div className="filters-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setSearch('');
              setSearchParams(new URLSearchParams());
            }}
          >
            Nullstill filtre
          </button>
        </div>
      ) : null}
    </form>
  );
}
