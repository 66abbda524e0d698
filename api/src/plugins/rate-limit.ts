import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { AppError } from '../lib/app-error.js';

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
    const result: unknown = await this.db.execute(sql`
      insert into rate_limit_buckets (key, window_start, hits)
      values (${key}, to_timestamp(${windowStart}), 1)
      on conflict (key) do update set
        hits = case when rate_limit_buckets.window_start = excluded.window_start
                    then rate_limit_buckets.hits + 1 else 1 end,
        window_start = excluded.window_start
      returning hits`);
    const hits = Number((result as { rows: { hits: number }[] }).rows[0]?.hits ?? 0);
    if (hits > max) throw tooMany(windowStart + windowSeconds - nowSeconds, detail);
  }

  async purgeOlderThan(seconds: number): Promise<void> {
    await this.db.execute(sql`delete from rate_limit_buckets where window_start < now() - make_interval(secs => ${seconds})`);
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

export const clientIp = (request: FastifyRequest) => request.ip;
