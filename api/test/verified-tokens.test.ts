import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from '../src/plugins/auth.js';

const NOW = Date.UTC(2026, 10, 30, 12);
const claimsOf = (sub: string, expSeconds = NOW / 1000 + 600) => ({
  typ: 'user',
  sub,
  role: 'office',
  off: 'vest',
  tv: 0,
  sid: `session-${sub}`,
  iat: NOW / 1000,
  exp: expSeconds,
});
const ids = ['0b7e4c3a-6f7e-4d55-9f61-8d3c1c1f0a01', '0b7e4c3a-6f7e-4d55-9f61-8d3c1c1f0a02', '0b7e4c3a-6f7e-4d55-9f61-8d3c1c1f0a03'] as const;

/** A verifier over made-up tokens ("token-<sub>"), counting its calls; "bad" fails as a wrong signature would. */
function verifier(payloads: Record<string, unknown>) {
  const calls: string[] = [];
  const verify = (token: string) => {
    calls.push(token);
    if (!(token in payloads)) throw new Error('signature mismatch');
    return payloads[token];
  };
  return { calls, verify };
}

describe('VerifiedTokens', () => {
  it('checks a token once and answers from what it kept until the token expires', () => {
    const { calls, verify } = verifier({ a: claimsOf(ids[0], NOW / 1000 + 60) });
    const tokens = new VerifiedTokens(verify);
    const first = tokens.get('a', NOW);
    expect(first.principal).toMatchObject({ kind: 'user', id: ids[0], role: 'office', officeCode: 'vest' });
    expect(tokens.get('a', NOW + 59_000)).toBe(first);
    expect(calls).toEqual(['a']);
    // Past its expiry the token is checked again (the real verifier then refuses it).
    tokens.get('a', NOW + 60_000);
    expect(calls).toEqual(['a', 'a']);
  });

  it('keeps nothing of a token that fails, and answers 401 for it every time', () => {
    const { calls, verify } = verifier({ noExp: { ...claimsOf(ids[0]), exp: undefined }, wrongClaims: { ...claimsOf(ids[0]), role: 'nobody' } });
    const tokens = new VerifiedTokens(verify);
    for (const token of ['bad', 'bad', 'noExp', 'wrongClaims']) {
      expect(() => tokens.get(token, NOW)).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    }
    expect(calls).toEqual(['bad', 'bad', 'noExp', 'wrongClaims']);
  });

  it('keeps at most its capacity, letting the oldest go first', () => {
    const { calls, verify } = verifier({ a: claimsOf(ids[0]), b: claimsOf(ids[1]), c: claimsOf(ids[2]) });
    const tokens = new VerifiedTokens(verify, 2);
    tokens.get('a', NOW);
    tokens.get('b', NOW);
    tokens.get('c', NOW);
    tokens.get('b', NOW);
    tokens.get('c', NOW);
    expect(calls).toEqual(['a', 'b', 'c']);
    tokens.get('a', NOW);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  it('hands out a caller that cannot be changed', () => {
    const tokens = new VerifiedTokens(verifier({ a: claimsOf(ids[0]) }).verify);
    const { principal } = tokens.get('a', NOW);
    expect(() => {
      (principal as { role: string }).role = 'admin';
    }).toThrow(TypeError);
  });
});
