import { z } from 'zod';
import { formatted } from './identifiers.js';

/** The calendar dates the registry holds: none of its facts lies before 1900 or after 2199. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

/** Calendar date `YYYY-MM-DD`, checked to be a real date between EARLIEST_DATE and LATEST_DATE. */
export const isoDate = z.iso
  .date()
  .refine((value) => value >= EARLIEST_DATE && value <= LATEST_DATE, {
    message: `must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}`,
    params: { code: 'invalid_format', format: 'date' },
    when: (payload) => payload.issues.length === 0,
  })
  .describe(`A date from ${EARLIEST_DATE} to ${LATEST_DATE}.`);
/** A moment or a day, as a bound of a search (the audit log): inside the same range as dates. */
export const timeBound = z.iso
  .datetime({ offset: true })
  .max(64)
  .or(z.iso.date())
  .refine((value) => value.slice(0, 10) >= EARLIEST_DATE && value.slice(0, 10) <= LATEST_DATE, {
    message: `must be a date or timestamp from ${EARLIEST_DATE} to ${LATEST_DATE}`,
    params: { code: 'invalid_format', format: 'date' },
    when: (payload) => payload.issues.length === 0,
  });

/** Timestamp in ISO 8601 UTC. */
export const timestamp = z.iso.datetime().max(64);

export const LIMIT_DEFAULT = 50;
export const LIMIT_MAX = 200;

/** Query fields every list accepts. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(LIMIT_MAX).default(LIMIT_DEFAULT)
    .describe(`Page size, 1–${LIMIT_MAX} (default ${LIMIT_DEFAULT}).`),
  cursor: z.string().min(1).max(512).optional()
    .describe('Opaque cursor from the previous page\'s `nextCursor`.'),
};

/** Lists count the rows that match exactly up to this many; above it the count is PostgreSQL's estimate. */
export const EXACT_TOTAL_UP_TO = 10_000;

export const total = z
  .object({
    count: z.int().nonnegative().describe(`How many rows match the filters, on all pages. Exact up to ${EXACT_TOTAL_UP_TO}; above it an estimate.`),
    exact: z.boolean().describe(`false when \`count\` is an estimate (more than ${EXACT_TOTAL_UP_TO} rows match; never below that).`),
  })
  .meta({ id: 'Total' });
export type Total = z.infer<typeof total>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item).max(LIMIT_MAX),
    nextCursor: z.string().max(512).nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
    total,
  });
}
export type Page<T> = { items: T[]; nextCursor: string | null; total: Total };

/**
 * `?sort=` for a list: one of the keys ascending, or with `-` descending. A cursor belongs to the
 * sort it was issued for.
 */
export type SortValue<K extends string> = K | `-${K}`;
export function sortQuery<const K extends readonly [string, ...string[]]>(keys: K, byDefault: SortValue<K[number]>) {
  const values = keys.flatMap((key) => [key, `-${key}`]) as [SortValue<K[number]>, ...SortValue<K[number]>[]];
  const schema: z.ZodEnum<{ [V in SortValue<K[number]>]: V }> = z.enum(values);
  return schema
    .default(byDefault as never)
    .describe(`Sort by ${keys.map((key) => `\`${key}\``).join(', ')}; \`-\` first for descending (default \`${byDefault}\`).`);
}

/** A sort value split into its key and direction. */
export const sortOf = <K extends string>(sort: SortValue<K>): { key: K; descending: boolean } =>
  sort.startsWith('-') ? { key: sort.slice(1) as K, descending: true } : { key: sort as K, descending: false };

/**
 * A person found by exact HPR number outside the caller's scope: that the number is registered and
 * under which id (to reference it instead of registering a duplicate), and nothing else about them.
 */
export const personReference = z
  .object({
    id: z.uuid(),
    hprNumber: z.string().max(9),
    restricted: z.literal(true).describe('Registered, but outside your scope: only the id is shown.'),
  })
  .meta({ id: 'PersonReference' });
export type PersonReference = z.infer<typeof personReference>;
export const isPersonReference = (item: object): item is PersonReference => 'restricted' in item;

/** Query-string booleans: only the words `true` and `false`, so a typo is an error, not a silent false. */
export const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Optional free text that the API stores trimmed, with "" meaning "clear it". */
export const optionalText = (max: number) =>
  z.string().trim().max(max).transform((value) => (value === '' ? null : value)).nullable();

/** "" in a body means "clear it": optional fields turn it into null. */
const emptyToNull = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal(''), schema]).transform((value) => (value === '' ? null : (value as z.output<T>))).nullable();

export const email = z
  .string()
  .max(320)
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an e-mail address' }).max(254));
export const optionalEmail = emptyToNull(email);

export const phone = z
  .string()
  .max(100)
  .trim()
  .pipe(formatted('phone', (value) => /^\+?[0-9 ()-]{5,20}$/.test(value), 'must be a phone number such as "+47 22 00 00 00"', 21));
export const optionalPhone = emptyToNull(phone);

export const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) link' }).max(2000);
export const optionalHttpUrl = emptyToNull(httpUrl);
