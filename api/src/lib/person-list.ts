import type { Page, PersonReference, SortValue, Total } from '@alis/shared';
import { pageFrom } from './cursor.js';
import { type ListPage, type SortColumns, keyset, rowsAndTotal } from './list.js';
import { scopedPageKey } from './page-cache.js';
import type { Principal } from './principal.js';
import type { MunicipalityScope } from './scope.js';

/** What a caller outside a person's scope learns from an exact HPR look-up: the number is registered, and the id. */
const referenceTo = (row: { id: string; hprNumber: string }): PersonReference => ({ id: row.id, hprNumber: row.hprNumber, restricted: true });

/** The ids among `rows` that `findInScope` does not find (an exact look-up gives at most one row). */
async function outsideScope(rows: readonly { id: string }[], findInScope: (id: string) => Promise<unknown>): Promise<Set<string>> {
  const outside = new Set<string>();
  for (const row of rows) if (!(await findInScope(row.id))) outside.add(row.id);
  return outside;
}

/** `q` of digits also matches the start of the HPR number, stored without leading zeros. */
const hprPrefixOf = (q: string) => (/^\d+$/.test(q) ? q.replace(/^0+/, '') || undefined : undefined);

/** A list of people's filters: `hprNumber` exact, `q` part of the name or the start of the HPR number, `kommunenummer`. */
export const personFilter = (query: { hprNumber?: string; q?: string; kommunenummer?: string }) => ({
  hprNumber: query.hprNumber,
  nameContains: query.q,
  hprPrefix: query.q ? hprPrefixOf(query.q) : undefined,
  kommunenummer: query.kommunenummer,
});

/** A page of people is kept like any list's (`scopedPageKey`), but never a look-up by HPR number: each counts against the caller's limit. */
export const personPageKey = (principal: Principal, query: { hprNumber?: string }): unknown[] | null =>
  query.hprNumber ? null : scopedPageKey(principal, query);

/** Where a list of people (doctors, supervisors) comes from, and how a row is shown. */
export interface PersonListSource<Row extends { id: string; hprNumber: string }, Item, K extends string> {
  sorts: (scope: MunicipalityScope | null) => SortColumns<K>;
  position: Record<K, (row: Row) => readonly (string | number)[]>;
  rows: (scope: MunicipalityScope | null, page: ListPage<K>) => Promise<Row[]>;
  total: (scope: MunicipalityScope | null) => Promise<Total>;
  /** The person, when the caller's scope holds it. */
  inScope: (id: string) => Promise<unknown>;
  show: (row: Row) => Item;
}

/**
 * A page of people for a caller. An exact `hprNumber` looks the number up across every scope (so nobody
 * registers a person twice; the service limits such look-ups), and shows one found outside the caller's
 * scope as a reference: the id and number, nothing else.
 */
export async function personPage<Row extends { id: string; hprNumber: string }, Item, K extends string>(
  scope: MunicipalityScope,
  query: { hprNumber?: string; sort: SortValue<K>; cursor?: string; limit: number },
  source: PersonListSource<Row, Item, K>,
): Promise<Page<Item | PersonReference>> {
  const listScope = query.hprNumber ? null : scope;
  const page = keyset(query.sort, source.sorts(listScope), query.cursor, source.position, query.limit + 1);
  const [rows, total] = await rowsAndTotal(
    () => source.rows(listScope, page),
    () => source.total(listScope),
  );
  const outside = query.hprNumber ? await outsideScope(rows, source.inScope) : new Set<string>();
  return pageFrom(rows, query.limit, (row) => (outside.has(row.id) ? referenceTo(row) : source.show(row)), page.cursorOf, total);
}
