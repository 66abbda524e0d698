import { useState } from 'react';
import { norwegianDateText, parseNorwegianDate } from '../lib/norwegian-date';
import type { FieldControlProps } from './field';

interface DateInputProps extends Partial<FieldControlProps> {
  id: string;
  name?: string | undefined;
  /** `YYYY-MM-DD`, '' for none, or what the user typed that is not a date yet. */
  value: string;
  /** Gets `YYYY-MM-DD` once the text is a real day, else the text as typed (which the form's check refuses). */
  onChange: (value: string) => void;
}

/**
 * A date field that reads and writes `dd.mm.åååå` whatever the browser's language (a native date
 * input follows the browser's locale). The form keeps the API's `YYYY-MM-DD`.
 */
export function DateInput({ value, onChange, name, ...control }: DateInputProps) {
  const [text, setText] = useState(() => norwegianDateText(value));
  const [prop, setProp] = useState(value);
  if (prop !== value) {
    setProp(value);
    // Changed from outside (reset, another version): show it, unless it is what the text already says.
    if ((parseNorwegianDate(text) ?? text.trim()) !== value) setText(norwegianDateText(value));
  }
  return (
    <input
      {...control}
      name={name}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd.mm.åååå"
      size={12}
      className="date-input"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseNorwegianDate(event.target.value) ?? event.target.value.trim());
      }}
    />
  );
}
