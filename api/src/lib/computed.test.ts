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
    expect(cache.written(a, 'csv', write)).toBe('A#1');
    expect(cache.written(a, 'csv', write)).toBe('A#1');
    expect(cache.written(a, 'json-stat', write)).toBe('A#2');
    let computations = 0;
    const counted = (value: string) => () => Promise.resolve(`${value}${++computations}`);
    await cache.get(db, ['b'], counted('b'));
    await cache.get(db, ['c'], counted('c'));
    // 'a' was the least recently used of three: computed again.
    expect((await cache.get(db, ['a'], counted('a'))).report).toBe('a3');
    version = 2;
    const fresh = await cache.get(db, ['a'], () => Promise.resolve('A2'));
    expect(cache.written(fresh, 'csv', write)).toBe('A2#3');
  });

  it('writes JSON once, when computed, and keeps no more than its size allows', async () => {
    // 100 characters of answers at most: 50 computed, 50 written out.
    const cache = new ComputedCache(100, () => Promise.resolve(1), 100);
    const report = (name: string) => async () => ({ name, figures: 'x'.repeat(10) });
    const first = await cache.get(db, ['first'], report('first'));
    const json = JSON.stringify(first.report);
    expect(cache.written(first, 'json', () => 'written again')).toBe(json);
    let computations = 0;
    const counted = (name: string) => async () => ({ name, figures: String(++computations).padStart(10, '0') });
    // Each answer's JSON is about 40 characters: one fits in the 50 kept computed; the next pushes the least recently used out.
    await cache.get(db, ['second'], counted('second'));
    await cache.get(db, ['first'], counted('first'));
    expect(computations).toBe(2);
    await cache.get(db, ['second'], counted('second'));
    expect(computations).toBe(3);
    // The written JSON went with it: the first's is written again from what was computed again.
    const again = await cache.get(db, ['first'], counted('first'));
    expect(computations).toBe(4);
    expect(cache.written(again, 'json', () => 'never')).toBe(JSON.stringify(again.report));
  });

  it('keeps a page as the bytes of its JSON, once per data version, within its size', async () => {
    let version = 1;
    let writes = 0;
    const page = (name: string) => async () => `{"items":["${name}"],"n":"${String(++writes).padStart(16, '0')}"}`;
    const pageBytes = Buffer.byteLength(await page('p')());
    writes = 0;
    // Room for two pages and a half: a cache of bytes writes nothing out again, so they have all of it.
    const cache = new ComputedCache(100, () => Promise.resolve(version), 2.5 * pageBytes, 'bytes');
    const [one, other] = await Promise.all([cache.bytes(db, ['p'], page('p')), cache.bytes(db, ['p'], page('p'))]);
    expect(writes).toBe(1);
    expect(other.report).toBe(one.report);
    expect(JSON.parse(one.report.toString('utf8'))).toMatchObject({ items: ['p'] });
    await cache.bytes(db, ['p'], page('p'));
    expect(writes).toBe(1);
    version = 2;
    await cache.bytes(db, ['p'], page('p'));
    expect(writes).toBe(2);
    // Two pages fit side by side.
    await cache.bytes(db, ['q'], page('q'));
    await cache.bytes(db, ['p'], page('p'));
    expect(writes).toBe(3);
    // A third pushes the least recently used (q) out.
    await cache.bytes(db, ['r'], page('r'));
    await cache.bytes(db, ['p'], page('p'));
    expect(writes).toBe(4);
    await cache.bytes(db, ['q'], page('q'));
    expect(writes).toBe(5);
  });
});
