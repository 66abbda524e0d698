const integer = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

export const formatInteger = (value: number | null | undefined) => (value === null || value === undefined ? '–' : integer.format(value));

export const formatBoolean = (value: boolean) => (value ? 'Ja' : 'Nei');

export const formatText = (value: string | null | undefined) => (value === null || value === undefined || value === '' ? '–' : value);

const dateTime = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'medium', timeStyle: 'short' });

export function formatTimestamp(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date);
}
