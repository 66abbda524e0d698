import { type Doctor, type PersonReference, isPersonReference } from '@alis/shared';
import { type ReactNode, useState } from 'react';
import { type PickerOption, SearchPicker } from '../../../components/search-picker';
import { usePersonSearch } from '../../../lib/use-person-search';
import { doctorLookupQueryOptions, doctorsQueryOptions } from '../api/get-doctors';

interface DoctorPickerProps {
  id?: string;
  label?: string;
  hint?: string;
  selected: PickedDoctor | null;
  onSelect: (doctor: PickedDoctor | null) => void;
  error?: string | undefined;
  /** Below the results: e.g. a button to register a new doctor with what was typed. */
  footer?: (search: string) => ReactNode;
}

export type PickedDoctor = Pick<Doctor, 'id' | 'name' | 'hprNumber'>;

/** A doctor registered outside the user's scope is shown by number only (the API gives no name). */
const picked = (doctor: PickedDoctor | PersonReference): PickedDoctor =>
  isPersonReference(doctor) ? { id: doctor.id, hprNumber: doctor.hprNumber, name: 'Lege registrert utenfor ditt område' } : doctor;

export const doctorOption = (doctor: PickedDoctor | PersonReference): PickerOption => {
  const { id, name, hprNumber } = picked(doctor);
  return { value: id, label: name, description: `HPR ${hprNumber}` };
};

/**
 * Find a doctor by name or HPR number. A complete HPR number is also looked up exactly, which
 * finds the doctor even when someone outside your office registered them.
 */
export function DoctorPicker({ id, label = 'Lege', hint = 'Søk på navn eller HPR-nummer', selected, onSelect, error, footer }: DoctorPickerProps) {
  const [search, setSearch] = useState('');
  const { found, ready, failed } = usePersonSearch(search, !selected, doctorsQueryOptions, doctorLookupQueryOptions);

  return (
    <SearchPicker
      id={id}
      label={label}
      hint={hint}
      placeholder="Navn eller HPR-nummer"
      error={error}
      minLength={2}
      selected={selected ? doctorOption(selected) : null}
      onSelect={(option) => {
        setSearch('');
        if (!option) {
          onSelect(null);
          return;
        }
        const doctor = found.get(option.value);
        onSelect(doctor ? picked(doctor) : { id: option.value, name: option.label, hprNumber: option.description?.replace('HPR ', '') ?? '' });
      }}
      search={search}
      onSearchChange={setSearch}
      options={ready ? [...found.values()].map(doctorOption) : undefined}
      loading={!ready}
      failed={failed}
      footer={footer?.(search)}
    />
  );
}
