import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';

/** Strong ETag from a row version: `"v7"`. */
export const etagOf = (version: number) => `"v${version}"`;

/**
 * The version a client expects from `If-Match`, or undefined when it sent none. A header that is
 * not one of our ETags cannot match the current version, so it is stale by definition: 412.
 */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  if (header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"v(\d{1,9})"$/.exec(header.trim());
  if (!match) throw new AppError('precondition_failed', 'If-Match does not match the current version of the resource.');
  return Number(match[1]);
}

export function assertVersion(expected: number | undefined, current: number, what: string) {
  if (expected !== undefined && expected !== current) {
    throw new AppError('precondition_failed', `${what} was changed by someone else. Fetch it again and reapply your change.`, {
      currentETag: etagOf(current),
    });
  }
}
