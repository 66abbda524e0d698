import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';

/** Makes user text literal inside a LIKE pattern (`%`, `_` and `\` match themselves). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** A PostgreSQL unique violation of `constraint`, wherever the driver or drizzle wrapped it. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (candidate.code === '23505') {
      return candidate.constraint === constraint || (typeof candidate.message === 'string' && candidate.message.includes(`"${constraint}"`));
    }
    current = candidate.cause;
  }
  return false;
}

/**
 * Holds a transaction-long advisory lock on `key` within `namespace`: writers of the same key take
 * turns until their commit (two imports to one municipality, two claims on one organisation number).
 */
export async function lockForTransaction(tx: Executor, namespace: string, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${namespace}), hashtext(${key}))`);
}
