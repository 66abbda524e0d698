import { type Page, type PersonReference, canonicalHprNumber } from '@alis/shared';
import { type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from './use-debounced-value';

interface PersonSearchParams {
  q?: string;
  limit: number;
}

/**
 * Doctors or supervisors found by name or HPR number as the user types. A complete HPR number is
 * also looked up exactly, which finds the person even when someone outside your office registered
 * them; then only as a reference (id and number), which can still be chosen.
 */
export function usePersonSearch<T extends { id: string }, K extends QueryKey, L extends QueryKey>(
  search: string,
  enabled: boolean,
  queryOptions: (params: PersonSearchParams) => UseQueryOptions<Page<T>, Error, Page<T>, K>,
  lookupOptions: (hprNumber: string) => UseQueryOptions<Page<T | PersonReference>, Error, Page<T | PersonReference>, L>,
) {
  const q = useDebouncedValue(search.trim(), 250);
  const exactHpr = canonicalHprNumber(q);
  const byText = useQuery({ ...queryOptions({ q, limit: 10 }), enabled: q.length >= 2 && enabled });
  const byHpr = useQuery({ ...lookupOptions(exactHpr ?? ''), enabled: exactHpr !== null && enabled });
  const stale = q !== search.trim() || byText.isPlaceholderData;
  const found = new Map<string, T | PersonReference>();
  for (const person of [...(byHpr.data?.items ?? []), ...(byText.data?.items ?? [])]) found.set(person.id, person);
  const ready = !stale && byText.data !== undefined && (exactHpr === null || byHpr.data !== undefined || byHpr.isError);
  return { found, ready, failed: byText.isError };
}
