import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

/** The fixed-window counters of the shared rate limiter (login, token), one row per key. */
export const rateLimitsRepo = {
  /** Counts one hit in the window starting at `windowStart` (epoch seconds); answers the hits so far. */
  async hit(db: Executor, key: string, windowStart: number): Promise<number> {
    const result: unknown = await db.execute(sql`
      insert into rate_limit_buckets (key, window_start, hits)
      values (${key}, to_timestamp(${windowStart}), 1)
      on conflict (key) do update set
        hits = case when rate_limit_buckets.window_start = excluded.window_start
                    then rate_limit_buckets.hits + 1 else 1 end,
        window_start = excluded.window_start
      returning hits`);
    return (result as { rows: { hits: number }[] }).rows[0]?.hits ?? 0;
  },

  /** The hits counted so far in the window starting at `windowStart` (epoch seconds). */
  async hits(db: Executor, key: string, windowStart: number): Promise<number> {
    const result: unknown = await db.execute(
      sql`select hits from rate_limit_buckets where key = ${key} and window_start = to_timestamp(${windowStart})`,
    );
    return (result as { rows: { hits: number }[] }).rows[0]?.hits ?? 0;
  },

  async purgeOlderThan(db: Executor, seconds: number): Promise<void> {
    await db.execute(sql`delete from rate_limit_buckets where window_start < now() - make_interval(secs => ${seconds})`);
  },
};
