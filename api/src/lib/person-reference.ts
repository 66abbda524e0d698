import type { PersonReference } from '@alis/shared';

/** What a caller outside a person's scope learns from an exact HPR look-up: the number is registered, and the id. */
export const referenceTo = (row: { id: string; hprNumber: string }): PersonReference => ({ id: row.id, hprNumber: row.hprNumber, restricted: true });

/** The ids among `rows` that `findInScope` does not find (an exact look-up gives at most one row). */
export async function outsideScope(rows: readonly { id: string }[], findInScope: (id: string) => Promise<unknown>): Promise<Set<string>> {
  const outside = new Set<string>();
  for (const row of rows) if (!(await findInScope(row.id))) outside.add(row.id);
  return outside;
}
