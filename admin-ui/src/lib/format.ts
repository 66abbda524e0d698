const integer = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

/** `2024-03-01` → `01.03.2024`, as dates are written in Norway; `–` for none. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

/** `01.01.2024–31.03.2024`, or `fra 01.01.2024` for a period that has no end yet. */
export const formatPeriod = ({ from, to }: { from: string; to: string | null }) =>
  to === null ? `fra ${formatDate(from)}` : `${formatDate(from)}–${formatDate(to)}`;

export const formatText = (value: string | null | undefined) => (value === null || value === undefined || value === '' ? '–' : value);

export const formatInteger = (value: number | null | undefined) => (value === null || value === undefined ? '–' : integer.format(value));

const decimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
/** A number with up to two decimals, as written in Norway (14,4). */
export const formatNumber = (value: number) => decimal.format(value);

/** Whole kroner: `412 000 kr`; `–` for none. */
export const formatNok = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${integer.format(value)} kr`);

/** The Norwegian label of a code, or the code itself when this version of the app does not know it. */
export const labelOf = (labels: Readonly<Record<string, string>>, code: string): string => labels[code] ?? code;

export const formatBoolean = (value: boolean) => (value ? 'Ja' : 'Nei');

const dateTimeParts = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as people in Norway read it, in Norwegian time: `30.11.2026 kl. 14:05`. */
export function formatTimestamp(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const part = (type: Intl.DateTimeFormatPartTypes) => dateTimeParts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')} kl. ${part('hour')}:${part('minute')}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from the address can be one at all (the API's ids are UUIDs). */
export const isUuid = (value: string) => UUID.test(value);
