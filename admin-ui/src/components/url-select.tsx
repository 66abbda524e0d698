import { useSearchParams } from 'react-router-dom';
import { withFilter } from '../lib/url-filters';

export interface SelectOption {
  value: string;
  label: string;
}

interface UrlSelectProps {
  id: string;
  label: string;
  /** The search param it writes (`officeCode`). */
  param: string;
  /** The filter's value as read from the URL. */
  value: string;
  options: readonly SelectOption[] | undefined;
  /** The first option, for no filter ("Alle kontorer"). */
  allLabel?: string;
  /** While the options are on their way. */
  loading?: boolean;
  /** Why there are no options to choose from. */
  failed?: string | undefined;
}

/** A select that filters a list through the URL; a value not among the options (an old link) is still shown. */
export function UrlSelect({ id, label, param, value, options, allLabel = 'Alle', loading = false, failed }: UrlSelectProps) {
  const [, setSearchParams] = useSearchParams();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={param}
        value={value}
        disabled={loading}
        aria-describedby={failed ? `${id}-error` : undefined}
        onChange={(event) => setSearchParams((current) => withFilter(current, param, event.target.value))}
      >
        <option value="">{loading ? 'Laster …' : allLabel}</option>
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {value && options && !options.some((option) => option.value === value) ? <option value={value}>{value}</option> : null}
      </select>
      {failed ? (
        <p id={`${id}-error`} className="field-error">
          {failed}
        </p>
      ) : null}
    </div>
  );
}

export const YES_NO: readonly SelectOption[] = [
  { value: 'true', label: 'Ja' },
  { value: 'false', label: 'Nei' },
];

/** Options from a code → label table. */
export const optionsOf = (labels: Readonly<Record<string, string>>): SelectOption[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
