/**
 * What a service returns for a single resource that carries an ETag: the API view and the row
 * version the ETag comes from. Resources without a version are returned as their view alone.
 */
export interface Versioned<T> {
  resource: T;
  version: number;
}

/** A resource whose view shows its own version. */
export const withVersion = <T extends { version: number }>(resource: T): Versioned<T> => ({ resource, version: resource.version });
