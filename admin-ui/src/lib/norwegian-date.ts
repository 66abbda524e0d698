/**
 * Dates as people in Norway write them, `dd.mm.åååå`, read into the API's `YYYY-MM-DD`. Also reads
 * `d.m.åååå`, `dd.mm.åå` (20åå), `ddmmåååå` and an ISO date (pasted); null when it is not a real day.
 */
export function parseNorwegianDate(text: string): string | null {
  const value = text.trim();
  let day: string, month: string, year: string;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const dotted = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(value);
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  if (iso) [, year, month, day] = iso as unknown as [string, string, string, string];
  else if (dotted) [, day, month, year] = dotted as unknown as [string, string, string, string];
  else if (compact) [, day, month, year] = compact as unknown as [string, string, string, string];
  else return null;
  if (year.length === 2) year = `20${year}`;
  const result = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${result}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === result ? result : null;
}

/** `2024-03-01` → `01.03.2024`; anything else (what the user is still typing) as it is. */
export function norwegianDateText(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}
