import { describe, expect, it } from 'vitest';
import type { Executor } from '../db/client.js';
import { ComputedCache } from './computed.js';

const db = {} as Executor;

describe('ComputedCache', () => {
  it('computes once per key and data version, however many requests arrive while it computes', async () => {
    let version = 1;
    let computations = 0;
    const cache = new ComputedCache(10, () => Promise.resolve(version));
    const compute = async () => {
      computations += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { computedAt: version };
    };
    const answers = await Promise.all(Array.from({ length: 5 }, () => cache.get(db, ['overview', 'nord'], compute)));
    expect(computations).toBe(1);
    expect(answers.every((answer) => answer.report === answers[0]?.report && answer.version === 1)).toBe(true);
    await cache.get(db, ['overview', 'nord'], compute);
    expect(computations).toBe(1);
    // Another key, and the same key once the data changed, are computed again.
    await cache.get(db, ['overview', 'vest'], compute);
    version = 2;
    expect((await cache.get(db, ['overview', 'nord'], compute)).report).toEqual({ computedAt: 2 });
    expect(computations).toBe(3);
  });

  it('lets every waiting request see a failed computation, and computes again on the next', async () => {
    const cache = new ComputedCache(10, () => Promise.resolve(1));
    let attempts = 0;
    const failing = async () => {
      attempts += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (attempts === 1) throw new Error('the database went away');
      return 'figures';
    };
    const results = await Promise.allSettled([cache.get(db, ['k'], failing), cache.get(db, ['k'], failing)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((await cache.get(db, ['k'], failing)).report).toBe('figures');
    expect(attempts).toBe(2);
  });

  it('keeps the written text per format until the data changes, and forgets the least recently used beyond its size', async () => {
    let version = 1;
    const cache = new ComputedCache(2, () => Promise.resolve(version));
    let writes = 0;
    const write = (report: string) => `${report}#${++writes}`;
    const a = await cache.get(db, ['a'], () => Promise.resolve('A'));
    expect(cache.written(a, 'json', write)).toBe('A#1');
    expect(cache.written(a, 'json', write)).toBe('A#1');
    expect(cache.written(a, 'csv', write)).toBe('A#2');
    let computations = 0;
    const counted = (value: string) => () => Promise.resolve(`${value}${++computations}`);
    await cache.get(db, ['b'], counted('b'));
    await cache.get(db, ['c'], counted('c'));
    // 'a' was the least recently used of three: computed again.
    expect((await cache.get(db, ['a'], counted('a'))).report).toBe('a3');
    version = 2;
    const fresh = await cache.get(db, ['a'], () => Promise.resolve('A2'));
    expect(cache.written(fresh, 'json', write)).toBe('A2#3');
  });
});
