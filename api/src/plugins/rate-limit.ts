import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client.js';
import { AppError } from '../lib/app-error.js';
import { callerKey } from '../lib/principal.js';
import { rateLimitsRepo } from '../modules/rate-limits/rate-limits.repo.js';

declare module 'fastify' {
  interface FastifyInstance {
    rateLimits: { shared: SharedRateLimiter; perCaller: LocalRateLimiter; rejectedTokens: LocalRateLimiter };
  }
}

/** The fixed window a moment falls in: when it started (epoch seconds) and how long until the next. */
function windowOf(windowSeconds: number) {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const start = nowSeconds - (nowSeconds % windowSeconds);
  return { start, retryAfter: start + windowSeconds - nowSeconds };
}

function tooMany(retryAfterSeconds: number, detail: string, headers: Record<string, string> = {}) {
  return new AppError('rate_limited', detail, { headers: { ...headers, 'retry-after': String(Math.max(1, retryAfterSeconds)) } });
}

/** Where a caller stands in a limit's window, as the `RateLimit-*` headers tell it (draft-ietf-httpapi-ratelimit-headers). */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window starts again. */
  reset: number;
}

export const rateLimitHeaders = (state: RateLimitState): Record<string, string> => ({
  'ratelimit-limit': String(state.limit),
  'ratelimit-remaining': String(state.remaining),
  'ratelimit-reset': String(state.reset),
});

/**
 * Fixed-window counters in PostgreSQL, shared by every API instance: used where an attacker
 * would otherwise spread guesses over instances (login, token).
 */
export class SharedRateLimiter {
  constructor(private readonly db: Db) {}

  /** Counts a request under `key` and refuses it (429) once more than `max` came in the window. */
  async hit(key: string, max: number, windowSeconds: number, detail: string): Promise<void> {
    const window = windowOf(windowSeconds);
    const hits = await rateLimitsRepo.hit(this.db, key, window.start);
    if (hits > max) throw tooMany(window.retryAfter, detail);
  }

  /** Refuses (429) when `max` failures are already counted under `key` in this window; counts nothing. */
  async assertBelow(key: string, max: number, windowSeconds: number, detail: string): Promise<void> {
    const window = windowOf(windowSeconds);
    if ((await rateLimitsRepo.hits(this.db, key, window.start)) >= max) throw tooMany(window.retryAfter, detail);
  }

  /** Counts a failure under each key (a wrong password or secret), for `assertBelow`. */
  async countFailure(keys: readonly string[], windowSeconds: number): Promise<void> {
    const window = windowOf(windowSeconds);
    for (const key of keys) await rateLimitsRepo.hit(this.db, key, window.start);
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

  /** Counts a request under `key`; refuses it (429) once more than `max` came in the window. */
  hit(key: string, detail = `At most ${this.max} requests a minute per caller; slow down.`): RateLimitState {
    const entry = this.entry(key);
    entry.hits += 1;
    const state = { limit: this.max, remaining: Math.max(0, this.max - entry.hits), reset: Math.max(1, this.retryAfter(entry)) };
    if (entry.hits > this.max) throw tooMany(state.reset, detail, rateLimitHeaders(state));
    return state;
  }

  /**
   * Refuses (429) once `max` hits are counted under the key in this window; counts nothing. The key
   * is asked for only when something is counted at all (working out a caller's address has a cost).
   */
  assertNotLimited(keyOf: () => string, detail: string): void {
    if (this.windows.size === 0) return;
    const entry = this.windows.get(keyOf());
    if (entry && entry.start === this.windowStart() && entry.hits >= this.max) throw tooMany(this.retryAfter(entry), detail);
  }

  private windowStart(): number {
    const now = Date.now();
    return now - (now % this.windowMs);
  }

  private entry(key: string): { start: number; hits: number } {
    const start = this.windowStart();
    let entry = this.windows.get(key);
    if (!entry || entry.start !== start) {
      if (this.windows.size > 50_000) this.windows.clear();
      entry = { start, hits: 0 };
      this.windows.set(key, entry);
    }
    return entry;
  }

  private retryAfter(entry: { start: number }): number {
    return Math.ceil((entry.start + this.windowMs - Date.now()) / 1000);
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
      // Per address, in this instance's memory: cheap, and a flood of bad tokens never reaches the database.
      rejectedTokens: new LocalRateLimiter(app.config.INVALID_TOKEN_RATE_LIMIT_PER_MINUTE, 60_000),
    });
    done();
  },
  { name: 'rate-limit', dependencies: ['core'] },
);

export function limitPerCaller(scope: FastifyInstance) {
  const { perCaller } = scope.rateLimits;
  // Every answer to a caller says where it stands in its limit (429 included, with Retry-After).
  scope.addHook('onRequest', (request, reply, done) => {
    if (request.principal) reply.headers(rateLimitHeaders(perCaller.hit(callerKey(request.principal))));
    done();
  });
}
