import type { Db } from '../db/client.js';
import type { ServiceDeps } from '../services.js';

/**
 * What every service is built from: the whole set of dependencies (see `createServices`). Reads go
 * to `db`; writes in a request run in `context.transact`, never in a transaction of their own.
 */
export abstract class Service {
  protected readonly db: Db;
  constructor(protected readonly deps: ServiceDeps) {
    this.db = deps.db;
  }
}
