import { EARLIEST_DATE, LATEST_DATE, type Page, type Total } from '@alis/shared';
import { z } from 'zod';
import { AppError } from './app-error.js';

const MAX_BIGINT = 2n ** 63n - 1n;

/** A row id of a `bigserial` column in a cursor: digits within PostgreSQL's bigint. */
export const cursorBigintId = z.string().refine((id) => /^\d{1,19}$/.test(id) && BigInt(id) <= MAX_BIGINT);

/** A timestamp in a cursor, within the dates the database holds. */
export const cursorTimestamp = z.iso.datetime().refine((at) => at.slice(0, 10) >= EARLIEST_DATE && at.slice(0, 10) <= LATEST_DATE);

/** Cursors are opaque to clients: the sort key of the last row, base64url-encoded JSON. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, schema: T): z.infer<T> | undefined {
  if (cursor === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_cursor', 'The cursor is not one this API issued; start again without it.');
  return parsed.data;
}

/**
 * Given `limit + 1` rows fetched, returns the page and the cursor to the next one. Fetching one
 * extra row tells whether a next page exists.
 */
export function pageFrom<Row, Item>(
  rows: readonly Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (row: Row) => string,
  total: Total,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(toItem), nextCursor: hasMore && last !== undefined ? cursorOf(last) : null, total };
}
