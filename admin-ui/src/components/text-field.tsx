import type { HTMLAttributes } from 'react';
import { DateInput } from './date-input';
import { Field } from './field';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  name?: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'password';
  /** `off` unless given (`current-password`, `new-password` …). */
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  maxLength?: number;
  /** A textarea with this many rows instead of one line. */
  rows?: number;
}

/** A labelled text input (or textarea) with hint and error, as every form has them. */
export function TextField({ id, label, value, onChange, error, hint, name, type = 'text', inputMode, maxLength, rows, autoComplete = 'off' }: TextFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(control) =>
        type === 'date' ? (
          <DateInput {...control} name={name} value={value} onChange={onChange} />
        ) : rows ? (
          <textarea {...control} name={name} rows={rows} maxLength={maxLength} value={value} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input
            {...control}
            name={name}
            type={type}
            inputMode={inputMode}
            autoComplete={autoComplete}
            maxLength={maxLength}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  hint?: string | undefined;
  name?: string;
}

/** A checkbox with its label after it, and a hint or error below, wired for screen readers. */
export function CheckboxField({ id, label, checked, onChange, error, hint, name }: CheckboxFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-checkbox field-invalid' : 'field field-checkbox'}>
      <input
        id={id}
        name={name}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint" style={{ flexBasis: '100%' }}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface YesNoFieldProps {
  id: string;
  label: string;
  /** null until the user has answered: a fact about a person has no default. */
  value: boolean | null;
  onChange: (value: boolean) => void;
  error?: string | undefined;
  hint?: string | undefined;
  name: string;
}

/** A yes/no question as two radio buttons with nothing chosen until answered; `id` is the "Ja" button's (for focus). */
export function YesNoField({ id, label, value, onChange, error, hint, name }: YesNoFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'field field-radios field-invalid' : 'field field-radios'} aria-describedby={describedBy}>
      <legend>{label}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="radio-row">
        {[true, false].map((option) => (
          <label key={String(option)} className="radio-option">
            <input
              id={option ? id : `${id}-no`}
              type="radio"
              name={name}
              checked={value === option}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(option)}
            />{' '}
            {option ? 'Ja' : 'Nei'}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
