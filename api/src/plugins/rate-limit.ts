import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client.js';
import { AppError } from '../lib/app-error.js';
import { callerKey } from '../lib/principal.js';
import { rateLimitsRepo } from '../modules/rate-limits/rate-limits.repo.js';

declare module 'fastify' {
  interface FastifyInstance {
    rateLimits: { shared: SharedRateLimiter; perCaller: LocalRateLimiter };
  }
}

function tooMany(retryAfterSeconds: number, detail: string) {
  return new AppError('rate_limited', detail, { headers: { 'retry-after': String(Math.max(1, retryAfterSeconds)) } });
}

/**
 * Fixed-window counters in PostgreSQL, shared by every API instance: used where an attacker
 * would otherwise spread guesses over instances (login, token).
 */
export class SharedRateLimiter {
  constructor(private readonly db: Db) {}

  async hit(key: string, max: number, windowSeconds: number, detail: string): Promise<void> {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const windowStart = nowSeconds - (nowSeconds % windowSeconds);
    const hits = await rateLimitsRepo.hit(this.db, key, windowStart);
    if (hits > max) throw tooMany(windowStart + windowSeconds - nowSeconds, detail);
  }

  purgeOlderThan(seconds: number): Promise<void> {
    return rateLimitsRepo.purgeOlderThan(this.db, seconds);
  }
}

/**
 * Per-caller limit on the whole API, counted in this instance's memory: it is there to stop a
 * runaway integration, and a hot path must not pay a database write per request. With N instances
 * behind a balancer a caller gets up to N times the limit.
 */
export class LocalRateLimiter {
  private windows = new Map<string, { start: number; hits: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  hit(key: string): void {
    const now = Date.now();
    const start = now - (now % this.windowMs);
    let entry = this.windows.get(key);
    if (!entry || entry.start !== start) {
      if (this.windows.size > 50_000) this.windows.clear();
      entry = { start, hits: 0 };
      this.windows.set(key, entry);
    }
    entry.hits += 1;
    if (entry.hits > this.max) {
      throw tooMany(Math.ceil((start + this.windowMs - now) / 1000), `At most ${this.max} requests a minute per caller; slow down.`);
    }
  }
}

/**
 * The limiters, and the per-caller limit as a hook for the authenticated routes of the scope that
 * calls `limitPerCaller` (the hook needs the principal, so it runs after authentication).
 */
export default fp(
  (app: FastifyInstance, _options, done) => {
    app.decorate('rateLimits', {
      shared: new SharedRateLimiter(app.database.db),
      perCaller: new LocalRateLimiter(app.config.API_RATE_LIMIT_PER_MINUTE, 60_000),
    });
    done();
  },
  { name: 'rate-limit', dependencies: ['core'] },
);

export function limitPerCaller(scope: FastifyInstance) {
  const { perCaller } = scope.rateLimits;
  scope.addHook('onRequest', (request, _reply, done) => {
    if (request.principal) perCaller.hit(callerKey(request.principal));
    done();
  });
}
