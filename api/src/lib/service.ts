import type { Db } from '../db/client.js';
import type { ServiceDeps } from '../services.js';
import { type Principal, callerKey } from './principal.js';

/**
 * What every service is built from: the whole set of dependencies (see `createServices`). Reads go
 * to `db`; writes in a request run in `context.transact`, never in a transaction of their own.
 */
export abstract class Service {
  protected readonly db: Db;
  constructor(protected readonly deps: ServiceDeps) {
    this.db = deps.db;
  }

  /** Exact look-ups by HPR number cross scopes, so each caller gets a limited number a minute. */
  protected async limitLookups(principal: Principal): Promise<void> {
    const { limiter, config } = this.deps;
    await limiter.hit(`lookup:${callerKey(principal)}`, config.LOOKUP_RATE_LIMIT_PER_MINUTE, 60, 'Too many look-ups by HPR number; wait a minute.');
  }
}
