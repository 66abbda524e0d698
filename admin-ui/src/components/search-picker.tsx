import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';

export interface PickerOption {
  value: string;
  label: string;
  /** A second line: HPR number, county … */
  description?: string;
}

interface SearchPickerProps {
  id?: string;
  label: string;
  hint?: string;
  placeholder?: string;
  error?: string | undefined;
  /** The chosen item, shown instead of the search box. */
  selected: PickerOption | null;
  onSelect: (option: PickerOption | null) => void;
  search: string;
  onSearchChange: (value: string) => void;
  /** Results for the current search; undefined while nothing has been searched for. */
  options: PickerOption[] | undefined;
  loading: boolean;
  failed: boolean;
  /** A minimum of characters before searching, to say so when fewer are typed. */
  minLength?: number;
  disabled?: boolean;
  /** Extra content below the results (a "register new" button …). */
  footer?: ReactNode;
}

/**
 * Search for one item and choose it: a search box with a list of result buttons below it. Arrow
 * down moves from the box into the results, arrows move between them, Enter or Space chooses.
 */
export function SearchPicker({
  id: givenId,
  label,
  hint,
  placeholder,
  error,
  selected,
  onSelect,
  search,
  onSearchChange,
  options,
  loading,
  failed,
  minLength = 1,
  disabled = false,
  footer,
}: SearchPickerProps) {
  const generated = useId();
  const id = givenId ?? generated;
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // The results go with a choice: the focus then stays in the picker, on the chosen item, once it shows
  // (a filter picker shows it only after the address has changed).
  const focusChoice = useRef(false);
  const isSelected = selected !== null;
  useEffect(() => {
    if (!isSelected || !focusChoice.current) return;
    focusChoice.current = false;
    document.getElementById(`${id}-selected`)?.focus();
  }, [isSelected, id]);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  const buttons = () => Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      buttons()[0]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
    }
  };
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = buttons();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      all[Math.min(index + 1, all.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index <= 0) inputRef.current?.focus();
      else all[index - 1]?.focus();
    } else if (event.key === 'Escape') {
      inputRef.current?.focus();
    }
  };

  if (selected) {
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        <p className="picker-label" id={`${id}-label`}>
          {label}
        </p>
        <div className="picker-selected" aria-labelledby={`${id}-label`} role="group" id={`${id}-selected`} tabIndex={-1}>
          <span>
            <strong>{selected.label}</strong>
            {selected.description ? <span className="muted"> · {selected.description}</span> : null}
          </span>
          {disabled ? null : (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                onSelect(null);
                requestAnimationFrame(() => document.getElementById(id)?.focus());
              }}
            >
              Velg en annen
            </button>
          )}
        </div>
        {error ? (
          <p id={errorId} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
    );
  }

  const query = search.trim();
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        type="search"
        autoComplete="off"
        value={search}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-controls={`${id}-results`}
        onChange={(event) => onSearchChange(event.target.value)}
        onKeyDown={onInputKeyDown}
      />
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <div id={`${id}-results`} className="picker-results">
        {query.length === 0 ? null : query.length < minLength ? (
          <p className="muted small">Skriv minst {minLength} tegn.</p>
        ) : failed ? (
          <p className="field-error">Søket feilet. Prøv igjen.</p>
        ) : loading && !options ? (
          <p role="status" className="muted small">
            Søker …
          </p>
        ) : options && options.length === 0 ? (
          <p role="status" className="muted small">
            Ingen treff på «{query}».
          </p>
        ) : options ? (
          <ul ref={listRef} className="picker-list" aria-label={`Treff for ${label.toLowerCase()}`} onKeyDown={onListKeyDown}>
            {options.map((option) => (
              <li key={option.value}>
                <button
                  type="button"
                  className="picker-option"
                  onClick={() => {
                    focusChoice.current = true;
                    onSelect(option);
                  }}
                >
                  <span>{option.label}</span>
                  {option.description ? <span className="muted small">{option.description}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {footer}
      </div>
    </div>
  );
}
