import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type PickerOption, SearchPicker } from '../../../components/search-picker';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { municipalitiesQueryOptions } from '../api/get-municipalities';
import { useMunicipality } from '../api/get-municipality';

interface MunicipalityPickerProps {
  id?: string;
  label?: string;
  hint?: string;
  /** The chosen kommunenummer, or "" for none. */
  value: string;
  onChange: (kommunenummer: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** Choose a municipality in the caller's scope by searching its name or number. */
export function MunicipalityPicker({ id, label = 'Kommune', hint, value, onChange, error, disabled }: MunicipalityPickerProps) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const results = useQuery({ ...municipalitiesQueryOptions({ q, limit: 10 }), enabled: q.length > 0 && !value });
  const chosen = useMunicipality(value, /^\d{4}$/.test(value));

  const selected: PickerOption | null = value
    ? {
        value,
        label: chosen.data ? `${chosen.data.value.shortName} (${value})` : value,
        description: chosen.data?.value.countyName,
      }
    : null;
  const stale = q !== search.trim();
  return (
    <SearchPicker
      id={id}
      label={label}
      hint={hint}
      placeholder="Navn eller kommunenummer"
      error={error}
      disabled={disabled}
      selected={selected}
      onSelect={(option) => {
        setSearch('');
        onChange(option?.value ?? '');
      }}
      search={search}
      onSearchChange={setSearch}
      options={
        stale || !results.data || results.isPlaceholderData
          ? undefined
          : results.data.items.map((m) => ({ value: m.kommunenummer, label: `${m.shortName} (${m.kommunenummer})`, description: m.countyName }))
      }
      loading={stale || results.isFetching}
      failed={results.isError}
    />
  );
}
