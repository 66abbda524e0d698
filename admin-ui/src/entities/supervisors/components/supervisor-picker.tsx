import type { Supervisor } from '@alis/shared';
import { useState } from 'react';
import { type PickerOption, SearchPicker } from '../../../components/search-picker';
import { usePersonSearch } from '../../../lib/use-person-search';
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
  const { found, ready, failed } = usePersonSearch(search, !selected, supervisorsQueryOptions);
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
      failed={failed}
    />
  );
}
