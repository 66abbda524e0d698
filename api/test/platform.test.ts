import type { FastifyInstance } from 'fastify';
import * as contract from '@alis/shared';
import type { ErrorCode, ProblemOf } from '@alis/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './support/build-app.js';
import { bodyOf } from './support/expect.js';
import { createCast, createUser, expectProblem, http, type TestUser } from './support/factories.js';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ALLOWED_ORIGIN = 'https://hr.example.no';

/** `expectProblem` for a response from `app.inject`. */
function injectedProblem<C extends ErrorCode>(response: Awaited<ReturnType<FastifyInstance['inject']>>, status: number, code: C): ProblemOf<C> {
  return expectProblem({ status: response.statusCode, headers: response.headers, body: response.json() }, status, code);
}

/** Asserts every RFC 9457 member and that the problem names the request it answers. */
function expectFullProblem<C extends ErrorCode>(
  response: { status: number; headers: Record<string, string>; body: unknown },
  status: number,
  code: C,
  instance: string,
): ProblemOf<C> {
  const problem = expectProblem(response, status, code);
  expect(problem).toMatchObject({ type: `urn:alis:problem:${code}`, status, code, instance });
  expect(typeof problem.title).toBe('string');
  expect(problem.detail).toEqual(expect.any(String));
  expect(problem.requestId).toBe(response.headers['x-request-id']);
  return problem;
}

const validUser = () => ({
  email: `new-${Math.random().toString(36).slice(2, 8)}@example.no`,
  name: 'Ny Bruker',
  role: 'directorate',
  password: 'a long enough password',
});

describe('the running app', () => {
  let t: TestApp;
  let admin: TestUser;
  let office: TestUser;
  let directorate: TestUser;

  beforeAll(async () => {
    t = await buildTestApp(
      { CORS_ORIGINS: `${ALLOWED_ORIGIN}, https://other-allowed.example.no` },
      {
        beforeReady: (app) => {
          app.get('/test/boom', () => {
            throw new Error('connect ECONNREFUSED 10.0.0.5:5432 select password_hash from users');
          });
        },
      },
    );
    ({ admin, nordOffice: office, directorate } = await createCast(t));
  });
  // The last tests close the database; closing it again from the app's onClose hook may fail.
  afterAll(() => t.close().catch(() => undefined));

  describe('problem details', () => {
    it('shape every kind of error the same way', async () => {
      const unauthorized = await http(t).get('/api/v1/municipalities?limit=2');
      expectFullProblem(unauthorized, 401, 'unauthorized', '/api/v1/municipalities');
      expect(unauthorized.headers['www-authenticate']).toBe('Bearer realm="alis"');
      expectFullProblem(await http(t).get('/api/v1/users').set(office.auth), 403, 'forbidden', '/api/v1/users');
      expectFullProblem(await http(t).get('/api/v1/municipalities/9999').set(admin.auth), 404, 'not_found', '/api/v1/municipalities/9999');
      const invalid = expectFullProblem(
        await http(t).get('/api/v1/municipalities').query({ limit: 0 }).set(admin.auth),
        400,
        'validation_failed',
        '/api/v1/municipalities',
      );
      expect(invalid.errors).toEqual([expect.objectContaining({ path: 'limit' })]);
    });

    it('answers an unknown route with a 404 problem, also outside /api', async () => {
      const api = expectFullProblem(await http(t).get('/api/v1/nothing-here?x=1').set(admin.auth), 404, 'not_found', '/api/v1/nothing-here');
      expect(api.detail).toBe('No route for GET /api/v1/nothing-here.');
      expectFullProblem(await http(t).delete('/api/v1/municipalities').set(admin.auth), 404, 'not_found', '/api/v1/municipalities');
      expectFullProblem(await http(t).get('/no/such/page'), 404, 'not_found', '/no/such/page');
    });

    it('answers malformed JSON with 400 bad_request', async () => {
      const response = await http(t).post('/api/v1/users').set(admin.auth).set('content-type', 'application/json').send('{"email": "x@example.no",');
      expectFullProblem(response, 400, 'bad_request', '/api/v1/users');
    });

    it('answers a URL that does not decode with a 400 problem', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/municipalities/%E0%A4%A', headers: admin.auth });
      const problem = injectedProblem(response, 400, 'bad_request');
      expect(problem.requestId).toBe(response.headers['x-request-id']);
    });

    it('answers text the database cannot store (a NUL byte) with 400, not 500', async () => {
      const inQuery = await http(t).get('/api/v1/municipalities').query({ q: 'Her\u0000y' }).set(admin.auth);
      expectFullProblem(inQuery, 400, 'bad_request', '/api/v1/municipalities');
      const inBody = await http(t).post('/api/v1/users').set(admin.auth).send({ ...validUser(), name: 'Nul\u0000Byte' });
      expectFullProblem(inBody, 400, 'bad_request', '/api/v1/users');
    });

    it('answers a body of another media type with 415', async () => {
      const response = await http(t).post('/api/v1/users').set(admin.auth).set('content-type', 'application/xml').send('<user/>');
      expectFullProblem(response, 415, 'unsupported_media_type', '/api/v1/users');
    });

    it('answers a body over 1 MiB with 413', async () => {
      const big = JSON.stringify({ ...validUser(), name: 'x'.repeat(1_048_576) });
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { ...admin.auth, 'content-type': 'application/json' },
        payload: big,
      });
      const problem = injectedProblem(response, 413, 'payload_too_large');
      expect(problem.requestId).toBe(response.headers['x-request-id']);
      // No directorate user but the cast's: the one in the body was not created.
      const users = await http(t).get('/api/v1/users').query({ role: 'directorate' }).set(admin.auth).expect(200);
      expect(bodyOf(users, contract.pageOf(contract.user)).items.map((u) => u.id)).toEqual([directorate.id]);
    });

    it('rejects unknown fields in a body and names them', async () => {
      const response = await http(t)
        .post('/api/v1/users')
        .set(admin.auth)
        .send({ ...validUser(), isSuperuser: true, tokenVersion: 0 });
      const problem = expectFullProblem(response, 400, 'validation_failed', '/api/v1/users');
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          { path: 'isSuperuser', code: 'unknown_field', message: 'unknown field', params: {} },
          { path: 'tokenVersion', code: 'unknown_field', message: 'unknown field', params: {} },
        ]),
      );
      expect(problem.errors).toHaveLength(2);
    });

    it('gives every invalid field a stable code and the params a client needs to word it', async () => {
      const response = await http(t)
        .post('/api/v1/supervisors')
        .set(admin.auth)
        .send({ hprNumber: '12', email: 'not-mail', phone: 'call me', capacity: 99, specialistInGeneralPractice: 'yes', workplaceKommunenummer: '18' });
      const problem = expectFullProblem(response, 400, 'validation_failed', '/api/v1/supervisors');
      const byPath = Object.fromEntries(problem.errors.map((error) => [error.path, error]));
      expect(byPath).toEqual({
        hprNumber: { path: 'hprNumber', code: 'invalid_format', message: expect.any(String), params: { format: 'hpr_number' } },
        name: { path: 'name', code: 'required', message: 'is required', params: {} },
        email: { path: 'email', code: 'invalid_format', message: expect.any(String), params: { format: 'email' } },
        phone: { path: 'phone', code: 'invalid_format', message: expect.any(String), params: { format: 'phone' } },
        capacity: { path: 'capacity', code: 'too_big', message: expect.any(String), params: { maximum: 50, inclusive: true, origin: 'number' } },
        specialistInGeneralPractice: { path: 'specialistInGeneralPractice', code: 'invalid_type', message: expect.any(String), params: { expected: 'boolean' } },
        workplaceKommunenummer: { path: 'workplaceKommunenummer', code: 'invalid_format', message: expect.any(String), params: { format: 'kommunenummer' } },
      });
      const badEnum = expectFullProblem(
        await http(t).get('/api/v1/agreements').query({ status: 'finished' }).set(admin.auth),
        400,
        'validation_failed',
        '/api/v1/agreements',
      );
      expect(badEnum.errors).toEqual([
        { path: 'status', code: 'invalid_value', message: expect.any(String), params: { allowed: ['draft', 'active', 'completed', 'terminated', 'cancelled'] } },
      ]);
    });

    it('never shows the internals of an unexpected error', async () => {
      const response = await http(t).get('/test/boom');
      const problem = expectFullProblem(response, 500, 'internal_error', '/test/boom');
      expect(problem.detail).toBe('Something went wrong on our side. Quote the request id if you contact us.');
      expect(response.text).not.toMatch(/ECONNREFUSED|password_hash|select|stack|at .*\.ts/i);
    });
  });

  describe('request ids', () => {
    it('makes one when the caller sends none', async () => {
      const first = await http(t).get('/health/live').expect(200);
      const second = await http(t).get('/health/live').expect(200);
      expect(first.headers['x-request-id']).toMatch(UUID);
      expect(second.headers['x-request-id']).toMatch(UUID);
      expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    });

    it('reuses a sane incoming one, in the header and in problems', async () => {
      const traceId = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      const ok = await http(t).get('/health/live').set('x-request-id', traceId).expect(200);
      expect(ok.headers['x-request-id']).toBe(traceId);
      const failed = await http(t).get('/api/v1/users').set('x-request-id', 'hr-system:req.42');
      expect(failed.headers['x-request-id']).toBe('hr-system:req.42');
      expect(expectProblem(failed, 401, 'unauthorized').requestId).toBe('hr-system:req.42');
    });

    it('replaces an insane one', async () => {
      for (const insane of ['has spaces in it', 'a'.repeat(500), '<script>alert(1)</script>', 'line"quote']) {
        const response = await http(t).get('/api/v1/users').set('x-request-id', insane);
        expect(response.headers['x-request-id'], insane).toMatch(UUID);
        expect(expectProblem(response, 401, 'unauthorized').requestId).toBe(response.headers['x-request-id']);
      }
    });
  });

  describe('security headers', () => {
    it('are set on API answers, problems and health checks alike', async () => {
      for (const response of [
        await http(t).get('/api/v1/offices').set(admin.auth).expect(200),
        await http(t).get('/api/v1/offices'),
        await http(t).get('/health/live'),
      ]) {
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['referrer-policy']).toBe('no-referrer');
        expect(response.headers['x-frame-options']).toBe('DENY');
        expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
        // JSON loads nothing: its policy allows nothing.
        expect(response.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
        expect(response.headers['x-powered-by']).toBeUndefined();
      }
    });

    it("give what lies outside /api/v1 and /health (the admin app's pages and files) helmet's full set", async () => {
      const response = await http(t).get('/kommuner/0301.png');
      const csp = response.headers['content-security-policy'] ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('leave HSTS to production', async () => {
      const response = await http(t).get('/health/live');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    });
  });

  describe('CORS', () => {
    it('answers a preflight from a configured origin', async () => {
      const response = await http(t)
        .options('/api/v1/municipalities/0301')
        .set('origin', ALLOWED_ORIGIN)
        .set('access-control-request-method', 'PATCH')
        .set('access-control-request-headers', 'authorization, content-type, if-match');
      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(response.headers['access-control-allow-credentials']).toBe('true');
      expect(response.headers['access-control-allow-methods']).toContain('PATCH');
      expect(response.headers['access-control-allow-headers']).toContain('if-match');
    });

    it('exposes the headers a browser client needs on a real request', async () => {
      const response = await http(t).get('/api/v1/municipalities/0301').set(admin.auth).set('origin', ALLOWED_ORIGIN).expect(200);
      expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      const exposed = (response.headers['access-control-expose-headers'] ?? '').split(/\s*,\s*/);
      expect(exposed).toEqual(expect.arrayContaining(['etag', 'x-request-id', 'retry-after', 'idempotent-replayed']));
    });

    it('does not allow any other origin', async () => {
      for (const origin of ['https://evil.example.com', 'https://hr.example.no.evil.example.com', 'http://hr.example.no']) {
        const preflight = await http(t)
          .options('/api/v1/municipalities')
          .set('origin', origin)
          .set('access-control-request-method', 'GET');
        expect(preflight.headers['access-control-allow-origin'], origin).toBeUndefined();
        const simple = await http(t).get('/api/v1/offices').set(admin.auth).set('origin', origin).expect(200);
        expect(simple.headers['access-control-allow-origin'], origin).toBeUndefined();
      }
    });
  });

  describe('health', () => {
    it('is live and ready without a token', async () => {
      expect((await http(t).get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
      expect((await http(t).get('/health/ready').expect(200)).body).toEqual({ status: 'ok' });
    });
  });

  // Last, since it breaks this app for good.
  describe('when the database is gone', () => {
    it('is still live but no longer ready', async () => {
      await http(t).get('/health/ready').expect(200);
      await t.database.close();
      await http(t).get('/health/live').expect(200);
      const response = await http(t).get('/health/ready');
      const problem = expectFullProblem(response, 503, 'service_unavailable', '/health/ready');
      expect(problem.detail).toBe('The database does not answer.');
    });

    it('answers a request that needs it with a 500 that shows no internals', async () => {
      const response = await http(t).get('/api/v1/users').set(admin.auth);
      const problem = expectFullProblem(response, 500, 'internal_error', '/api/v1/users');
      expect(Object.keys(problem).sort()).toEqual(['code', 'detail', 'instance', 'requestId', 'status', 'title', 'type']);
      expect(response.text).not.toMatch(/pool|pglite|closed|select|users_|stack|at .*\.(ts|js)/i);
    });
  });
});

describe('with default CORS and a small per-caller rate limit', () => {
  let t: TestApp;
  let slowStarted: () => void = () => undefined;
  const slowRouteEntered = new Promise<void>((resolve) => {
    slowStarted = resolve;
  });

  beforeAll(async () => {
    t = await buildTestApp(
      { API_RATE_LIMIT_PER_MINUTE: '3' },
      {
        beforeReady: (app) => {
          // A request that is still running, and needs the database, when shutdown begins.
          app.get('/test/slow', async () => {
            slowStarted();
            await new Promise((resolve) => setTimeout(resolve, 300));
            await app.database.ping();
            return { finished: true };
          });
        },
      },
    );
  });
  afterAll(() => t.close().catch(() => undefined));

  it('allows no cross-origin browser access when CORS_ORIGINS is empty', async () => {
    const response = await http(t).options('/api/v1/offices').set('origin', ALLOWED_ORIGIN).set('access-control-request-method', 'GET');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers the fourth request in a minute with 429 and Retry-After, per caller', async () => {
    const first = await createUser(t);
    const second = await createUser(t, { role: 'directorate' });
    // The window is a clock minute: do not start right before it turns.
    const msLeft = 60_000 - (Date.now() % 60_000);
    if (msLeft < 3_000) await new Promise((resolve) => setTimeout(resolve, msLeft + 50));

    for (let i = 0; i < 3; i += 1) {
      // Each answer says where the caller stands (RateLimit-* headers, as documented).
      const response = await http(t).get('/api/v1/offices').set(first.auth).expect(200);
      expect(response.headers['ratelimit-limit']).toBe('3');
      expect(response.headers['ratelimit-remaining']).toBe(String(2 - i));
      expect(Number(response.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(1);
    }
    const limited = await http(t).get('/api/v1/me').set(first.auth);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    const problem = expectFullProblem(limited, 429, 'rate_limited', '/api/v1/me');
    expect(problem.detail).toContain('3 requests a minute');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Another caller has its own budget, told also on an error; health checks are not counted.
    await http(t).get('/api/v1/offices').set(second.auth).expect(200);
    const missing = await http(t).get('/api/v1/municipalities/9999').set(second.auth).expect(404);
    expect(missing.headers['ratelimit-remaining']).toBe('1');
    await http(t).get('/health/live').expect(200);
  });

  it('finishes in-flight requests on close, then closes the database', { timeout: 10_000 }, async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening on a port');

    const inFlight = fetch(`http://127.0.0.1:${address.port}/test/slow`);
    await slowRouteEntered;
    const closed = t.app.close();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await closed;
    await expect(t.database.ping()).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${address.port}/health/live`)).rejects.toThrow();
  });
});
