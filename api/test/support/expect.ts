import { expect } from 'vitest';
import { z } from 'zod';

/**
 * A response body parsed with the contract's schema from `@alis/shared`, and typed by it. Fails the
 * test when the body does not match the schema, or when it carries members the schema does not
 * know (parsing would drop them silently, so the parsed body must equal the body as sent).
 */
export function bodyOf<S extends z.ZodType>(response: { body: unknown }, schema: S): z.output<S> {
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) {
    throw new Error(`the body does not match the contract:\n${z.prettifyError(parsed.error)}\nbody: ${JSON.stringify(response.body)}`);
  }
  expect(parsed.data, 'the body as the contract reads it is the body as sent').toStrictEqual(response.body);
  return parsed.data;
}

/** The value, failing the test when it is missing (null or undefined). */
export function expectDefined<T>(value: T, what = 'a value'): NonNullable<T> {
  if (value === undefined || value === null) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}

/** The first item, failing the test when there is none. */
export const first = <T>(items: readonly T[], what = 'a first item'): NonNullable<T> => expectDefined(items[0], what);

/** The response's ETag, failing the test when it has none. */
export const etagOf = (response: { headers: Record<string, string | undefined> }): string =>
  expectDefined(response.headers.etag, 'an ETag header');

/** The member names of a value that must be an object (an audit entry's `before` or `after`, say). */
export function keysOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return Object.keys(value);
}
