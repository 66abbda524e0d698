/** List filters kept in the URL's search params, under the API's own query names. */
export function filtersFrom<K extends string>(params: URLSearchParams, keys: readonly K[]): Record<K, string> {
  const filters = {} as Record<K, string>;
  for (const key of keys) filters[key] = params.get(key) ?? '';
  return filters;
}

/** The URL parameter holding a list's page (its cursors), see `useUrlCursorPaging`. */
export const PAGE_PARAM = 'sider';

/**
 * Updates one filter, dropping empty ones so URLs stay short. A changed filter (or sort) starts the
 * list again from its first page; setting a filter to what it is changes nothing.
 */
export function withFilter(params: URLSearchParams, key: string, value: string): URLSearchParams {
  if ((params.get(key) ?? '') === value.trim()) return params;
  const next = new URLSearchParams(params);
  if (value.trim() === '') next.delete(key);
  else next.set(key, value.trim());
  next.delete(PAGE_PARAM);
  return next;
}

export const hasAnyFilter = (filters: Record<string, string>) => Object.values(filters).some((value) => value !== '');

/** The filters that are set, for a list request. */
export function setFilters<K extends string>(filters: Record<K, string>): Partial<Record<K, string>> {
  const result: Partial<Record<K, string>> = {};
  for (const [key, value] of Object.entries(filters) as [K, string][]) {
    if (value.trim() !== '') result[key] = value.trim();
  }
  return result;
}

/** Rows per page of the main lists. */
export const LIST_PAGE_SIZE = 50;

/** A list request from the filters that are set, a page at a time. */
export const listParams = <K extends string>(filters: Record<K, string>) => ({ ...setFilters(filters), limit: LIST_PAGE_SIZE });

/** A filter value the API accepts, or none (a value it would reject is dropped rather than sent). */
export const oneOf = <T extends string>(value: string, allowed: readonly T[]): T | '' => ((allowed as readonly string[]).includes(value) ? (value as T) : '');
