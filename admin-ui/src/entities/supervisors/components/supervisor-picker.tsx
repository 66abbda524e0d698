import { type Supervisor, canonicalHprNumber } from '@alis/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type PickerOption, SearchPicker } from '../../../components/search-picker';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { supervisorsQueryOptions } from '../api/get-supervisors';
import { loadText } from '../utils/load';

export type PickedSupervisor = Pick<Supervisor, 'id' | 'name' | 'hprNumber' | 'qualifiedToday' | 'currentLoad' | 'capacity'>;

interface SupervisorPickerProps {
  id?: string;
  label?: string;
  selected: PickedSupervisor | null;
  onSelect: (supervisor: PickedSupervisor | null) => void;
  error?: string | undefined;
}

const describe = (s: PickedSupervisor) =>
  [`HPR ${s.hprNumber}`, s.qualifiedToday ? 'kvalifisert som veileder' : 'ikke kvalifisert som veileder', loadText(s.currentLoad, s.capacity).text].join(' · ');

/** Find a veileder or supervisør by name or HPR number, with qualification and load in the result. */
export function SupervisorPicker({ id, label = 'Veileder eller supervisør', selected, onSelect, error }: SupervisorPickerProps) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const exactHpr = canonicalHprNumber(q);
  const byText = useQuery({ ...supervisorsQueryOptions({ q, limit: 10 }), enabled: q.length >= 2 && !selected });
  const byHpr = useQuery({ ...supervisorsQueryOptions({ hprNumber: exactHpr ?? '', limit: 1 }), enabled: exactHpr !== null && !selected });
  const stale = q !== search.trim() || byText.isPlaceholderData;
  const found = new Map<string, Supervisor>();
  for (const s of [...(byHpr.data?.items ?? []), ...(byText.data?.items ?? [])]) found.set(s.id, s);
  const ready = !stale && byText.data !== undefined && (exactHpr === null || byHpr.data !== undefined || byHpr.isError);
  const option = (s: PickedSupervisor): PickerOption => ({ value: s.id, label: s.name, description: describe(s) });

  return (
    <SearchPicker
      id={id}
      label={label}
      hint="Søk på navn eller HPR-nummer"
      placeholder="Navn eller HPR-nummer"
      minLength={2}
      error={error}
      selected={selected ? option(selected) : null}
      onSelect={(picked) => {
        setSearch('');
        onSelect(picked ? (found.get(picked.value) ?? null) : null);
      }}
      search={search}
      onSearchChange={setSearch}
      options={ready ? [...found.values()].map(option) : undefined}
      loading={!ready}
      failed={byText.isError}
    />
  );
}
