import { useState } from 'react';

export interface Versioned<T> {
  value: T;
  etag: string | null;
}

/**
 * The state of an edit form over a versioned resource: what the user started from (its ETag goes
 * in If-Match) and the values as typed. A newer version arriving in the background replaces the
 * baseline only while the form has no unsaved changes, so edits are never lost silently; a stale
 * save answers 412 instead.
 */
export function useEditBaseline<T, V>(
  resource: T,
  etag: string | null,
  toValues: (resource: T) => V,
  isDirty: (values: V, baseline: T) => boolean,
  busy: boolean,
) {
  const [baseline, setBaseline] = useState<Versioned<T>>({ value: resource, etag });
  const [values, setValues] = useState<V>(() => toValues(resource));
  const dirty = isDirty(values, baseline.value);
  const [shownEtag, setShownEtag] = useState(etag);
  if (etag !== shownEtag) {
    setShownEtag(etag);
    if (!dirty && !busy && etag !== baseline.etag) {
      setBaseline({ value: resource, etag });
      setValues(toValues(resource));
    }
  }
  const startOver = (fresh: Versioned<T>) => {
    setBaseline(fresh);
    setValues(toValues(fresh.value));
  };
  return { baseline, values, setValues, dirty, startOver, reset: () => setValues(toValues(baseline.value)) };
}
