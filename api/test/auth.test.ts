import * as contract from '@alis/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './support/build-app.js';
import { bodyOf, first } from './support/expect.js';
import { createUser, expectProblem, http, type TestUser } from './support/factories.js';

let t: TestApp;
let office: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  office = await createUser(t, { role: 'office', officeCode: 'vest', email: 'kontor@alis-vest.no' });
});
afterAll(() => t.close());

const refreshCookieOf = (response: { headers: Record<string, string | string[] | undefined> }) => {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('alis_refresh='));
  if (!cookie) throw new Error('no refresh cookie set');
  return cookie;
};
const cookiePair = (setCookie: string) => first(setCookie.split(';'));

function login(email: string, password: string) {
  return http(t).post('/api/v1/auth/login').send({ email, password });
}

describe('POST /api/v1/auth/login', () => {
  it('returns an access token, the user, and an httpOnly refresh cookie', async () => {
    const response = await login('KONTOR@alis-vest.no ', office.password).expect(200);
    const session = bodyOf(response, contract.loginResponse);
    expect(session).toEqual({
      accessToken: expect.any(String),
      expiresIn: 900,
      user: { id: office.id, email: office.email, name: 'Test office', role: 'office', officeCode: 'vest', mustChangePassword: false },
    });
    expect(response.headers['cache-control']).toBe('no-store');
    const cookie = refreshCookieOf(response);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);

    const me = await http(t).get('/api/v1/me').set('authorization', `Bearer ${session.accessToken}`).expect(200);
    expect(bodyOf(me, contract.me)).toMatchObject({ kind: 'user', id: office.id, role: 'office', officeCode: 'vest', scopes: ['read', 'write'] });
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const wrong = expectProblem(await login(office.email, 'wrong password!!'), 401, 'invalid_credentials');
    const unknown = expectProblem(await login('nobody@example.no', 'wrong password!!'), 401, 'invalid_credentials');
    expect(wrong.detail).toBe(unknown.detail);
  });

  it('refuses a deactivated user', async () => {
    const inactive = await createUser(t, { role: 'directorate', active: false });
    expectProblem(await login(inactive.email, inactive.password), 401, 'invalid_credentials');
  });

  it('validates the body strictly', async () => {
    const problem = expectProblem(
      await http(t).post('/api/v1/auth/login').send({ email: 'not-an-email', password: 'x', remember: true }),
      400,
      'validation_failed',
    );
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['email', 'remember']);
  });
});

describe('refresh and logout', () => {
  it('rotates the refresh cookie and revokes the family when an old one is replayed', async () => {
    const first = await login(office.email, office.password).expect(200);
    const original = cookiePair(refreshCookieOf(first));

    const rotated = await http(t).post('/api/v1/auth/refresh').set('cookie', original).expect(200);
    const next = cookiePair(refreshCookieOf(rotated));
    expect(next).not.toBe(original);
    expect(bodyOf(rotated, contract.loginResponse)).toMatchObject({ user: { id: office.id } });

    // The old token again: someone copied it. Both it and its successor stop working.
    expectProblem(await http(t).post('/api/v1/auth/refresh').set('cookie', original), 401, 'unauthorized');
    expectProblem(await http(t).post('/api/v1/auth/refresh').set('cookie', next), 401, 'unauthorized');
  });

  it('answers 401 without a cookie or with a made-up one', async () => {
    expectProblem(await http(t).post('/api/v1/auth/refresh'), 401, 'unauthorized');
    expectProblem(await http(t).post('/api/v1/auth/refresh').set('cookie', 'alis_refresh=made-up'), 401, 'unauthorized');
  });

  it('logout ends the session and clears the cookie', async () => {
    const session = await login(office.email, office.password).expect(200);
    const cookie = cookiePair(refreshCookieOf(session));
    const out = await http(t).post('/api/v1/auth/logout').set('cookie', cookie).expect(204);
    expect(refreshCookieOf(out)).toMatch(/alis_refresh=;/);
    expectProblem(await http(t).post('/api/v1/auth/refresh').set('cookie', cookie), 401, 'unauthorized');
    await http(t).post('/api/v1/auth/logout').expect(204);
  });
});

describe('access tokens', () => {
  it('refuses missing, malformed, forged and expired tokens', async () => {
    const missing = await http(t).get('/api/v1/me');
    expectProblem(missing, 401, 'unauthorized');
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    expectProblem(await http(t).get('/api/v1/me').set('authorization', 'Bearer nonsense'), 401, 'unauthorized');
    expectProblem(await http(t).get('/api/v1/me').set('authorization', `Basic ${office.token}`), 401, 'unauthorized');

    const [header, payload] = office.token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    expectProblem(await http(t).get('/api/v1/me').set('authorization', `Bearer ${forged}`), 401, 'unauthorized');

    const expired = t.app.jwt.sign({ typ: 'user', sub: office.id, role: 'office', off: 'vest', tv: 0 }, { expiresIn: -10 });
    expectProblem(await http(t).get('/api/v1/me').set('authorization', `Bearer ${expired}`), 401, 'unauthorized');
  });

  it('refuses a token whose claims do not fit', async () => {
    const odd = t.app.jwt.sign({ typ: 'user', sub: 'not-a-uuid', role: 'superuser' });
    expectProblem(await http(t).get('/api/v1/me').set('authorization', `Bearer ${odd}`), 401, 'unauthorized');
  });

  it('gives 403 when the role may not use an endpoint', async () => {
    expectProblem(await http(t).get('/api/v1/users').set(office.auth), 403, 'forbidden');
    expectProblem(await http(t).get('/api/v1/audit').set(office.auth), 403, 'forbidden');
  });
});

describe('login rate limit', () => {
  it('answers 429 with Retry-After after too many attempts', async () => {
    const limited = await buildTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      for (let i = 0; i < 3; i += 1) {
        await http(limited).post('/api/v1/auth/login').send({ email: 'x@example.no', password: 'wrong password' }).expect(401);
      }
      const response = await http(limited).post('/api/v1/auth/login').send({ email: 'x@example.no', password: 'wrong password' });
      expectProblem(response, 429, 'rate_limited');
      expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
    } finally {
      await limited.close();
    }
  });
});
