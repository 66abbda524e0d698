import { type PersonReference, type Supervisor, isPersonReference } from '@alis/shared';
import { useState } from 'react';
import { type PickerOption, SearchPicker } from '../../../components/search-picker';
import { usePersonSearch } from '../../../lib/use-person-search';
import { supervisorLookupQueryOptions, supervisorsQueryOptions } from '../api/get-supervisors';
import { loadText } from '../utils/load';

/** A supervisor as chosen; qualification and load are unknown for one registered outside the user's scope. */
export type PickedSupervisor = Pick<Supervisor, 'id' | 'name' | 'hprNumber'> & Partial<Pick<Supervisor, 'qualifiedToday' | 'currentLoad' | 'capacity'>>;

const picked = (s: Supervisor | PersonReference): PickedSupervisor =>
  isPersonReference(s) ? { id: s.id, hprNumber: s.hprNumber, name: 'Veileder registrert utenfor ditt område' } : s;

interface SupervisorPickerProps {
  id?: string;
  label?: string;
  selected: PickedSupervisor | null;
  onSelect: (supervisor: PickedSupervisor | null) => void;
  error?: string | undefined;
}

const describe = (s: PickedSupervisor) =>
  s.qualifiedToday === undefined || s.currentLoad === undefined || s.capacity === undefined
    ? `HPR ${s.hprNumber} · kvalifikasjon og belastning vises ikke utenfor ditt område`
    : [`HPR ${s.hprNumber}`, s.qualifiedToday ? 'kvalifisert som veileder' : 'ikke kvalifisert som veileder', loadText(s.currentLoad, s.capacity).text].join(' · ');

/** Find a veileder or supervisør by name or HPR number, with qualification and load in the result. */
export function SupervisorPicker({ id, label = 'Veileder eller supervisør', selected, onSelect, error }: SupervisorPickerProps) {
  const [search, setSearch] = useState('');
  const { found, ready, failed } = usePersonSearch(search, !selected, supervisorsQueryOptions, supervisorLookupQueryOptions);
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
      onSelect={(choice) => {
        setSearch('');
        const person = choice ? found.get(choice.value) : undefined;
        onSelect(person ? picked(person) : null);
      }}
      search={search}
      onSearchChange={setSearch}
      options={ready ? [...found.values()].map((person) => option(picked(person))) : undefined}
      loading={!ready}
      failed={failed}
    />
  );
}
