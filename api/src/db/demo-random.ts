import { at } from '../lib/collections.js';

/** A 32-bit hash of a text (FNV-1a with a final avalanche): seeds one generator per entity. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export type Random = ReturnType<typeof random>;

/**
 * Deterministic pseudo-random numbers (mulberry32). The demo data takes one generator per entity
 * (`random(seed, 'doctor', 17)`), so doctor 17 is the same person whatever the scale.
 */
export function random(seed: number, ...path: readonly (string | number)[]) {
  let state = path.length === 0 ? seed >>> 0 : hash32(`${seed}:${path.join(':')}`);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  /** Standard normal (Box–Muller). */
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return {
    next,
    normal,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => at(items, Math.floor(next() * items.length)),
    chance: (p: number) => next() < p,
    weighted: <T>(pairs: readonly (readonly [T, number])[]): T => {
      const total = pairs.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of pairs) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return at(pairs, pairs.length - 1)[0];
    },
  };
}
