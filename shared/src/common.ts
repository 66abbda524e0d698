import { z } from 'zod';

/** Calendar date `YYYY-MM-DD`, checked to be a real date. */
export const isoDate = z.iso.date();
/** Timestamp in ISO 8601 UTC. */
export const timestamp = z.iso.datetime();

export const LIMIT_DEFAULT = 50;
export const LIMIT_MAX = 200;

/** Query fields every list accepts. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(LIMIT_MAX).default(LIMIT_DEFAULT)
    .describe(`Page size, 1–${LIMIT_MAX} (default ${LIMIT_DEFAULT}).`),
  cursor: z.string().min(1).max(512).optional()
    .describe('Opaque cursor from the previous page\'s `nextCursor`.'),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
  });
}
export type Page<T> = { items: T[]; nextCursor: string | null };

/** Query-string booleans: only the words `true` and `false`, so a typo is an error, not a silent false. */
export const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Optional free text that the API stores trimmed, with "" meaning "clear it". */
export const optionalText = (max: number) =>
  z.string().trim().max(max).transform((value) => (value === '' ? null : value)).nullable();
