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
