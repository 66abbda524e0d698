import { describe, expect, it } from 'vitest';
import { isAppError } from '../src/lib/app-error.js';
import { LocalRateLimiter } from '../src/plugins/rate-limit.js';

const refusal = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('LocalRateLimiter', () => {
  it('counts each key apart and refuses past the limit with Retry-After and the RateLimit headers', () => {
    const limiter = new LocalRateLimiter(2, 60_000);
    expect(limiter.hit('a')).toMatchObject({ limit: 2, remaining: 1 });
    expect(limiter.hit('a')).toMatchObject({ limit: 2, remaining: 0 });
    expect(limiter.hit('b')).toMatchObject({ remaining: 1 });
    const refused = refusal(() => limiter.hit('a'));
    expect(isAppError(refused) && refused.code).toBe('rate_limited');
    expect(isAppError(refused) && refused.extra.headers).toMatchObject({ 'ratelimit-remaining': '0', 'retry-after': expect.stringMatching(/^\d+$/) });
  });

  it('asks for the key of a check only once something is counted, and then refuses a key at its limit', () => {
    const limiter = new LocalRateLimiter(1, 60_000);
    let asked = 0;
    const keyOf = (key: string) => () => {
      asked += 1;
      return key;
    };
    limiter.assertNotLimited(keyOf('203.0.113.1'), 'slow down');
    expect(asked).toBe(0);
    limiter.hit('203.0.113.1');
    const refused = refusal(() => limiter.assertNotLimited(keyOf('203.0.113.1'), 'slow down'));
    expect(isAppError(refused) && refused.code).toBe('rate_limited');
    expect(refusal(() => limiter.assertNotLimited(keyOf('198.51.100.1'), 'slow down'))).toBeUndefined();
    expect(asked).toBe(2);
  });
});
