/** Query keys of the reference data (offices, counties): it changes only with a release of the API. */
export const referenceKeys = {
  all: ['reference'] as const,
  offices: () => [...referenceKeys.all, 'offices'] as const,
  counties: () => [...referenceKeys.all, 'counties'] as const,
};

/** Reference data is kept for an hour before it is asked for again. */
export const REFERENCE_STALE_MS = 60 * 60 * 1000;
