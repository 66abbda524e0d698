/** The item at `index`, or an error naming what was missing: for indexes the code itself computed. */
export function at<T>(items: readonly T[], index: number, what = 'item'): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`no ${what} at index ${index}`);
  return item;
}

/** The value of `key`, or an error naming what was missing: for keys the code itself put in. */
export function mustGet<K, V>(map: ReadonlyMap<K, V>, key: K, what = 'entry'): V {
  const value = map.get(key);
  if (value === undefined) throw new RangeError(`no ${what} for ${String(key)}`);
  return value;
}

/** The named members of `row`, and only those: what a view or an audit entry may show of it. */
export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = row[key];
  return picked;
}
