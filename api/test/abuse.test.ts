import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../src/lib/logger.js';
import { buildTestApp, type TestApp } from './support/build-app.js';
import { createCast, createUser, expectProblem, http } from './support/factories.js';

/** An app whose client address comes from X-Forwarded-For, so that one test can speak from several addresses. */
async function withApp(env: Record<string, string>, run: (t: TestApp) => Promise<void>) {
  const t = await buildTestApp({ TRUST_PROXY: 'true', ...env });
  try {
    await run(t);
  } finally {
    await t.close();
  }
}

const login = (t: TestApp, from: string, email: string, password: string) =>
  http(t).post('/api/v1/auth/login').set('x-forwarded-for', from).send({ email, password });

describe('failed logins', () => {
  it('are limited per account and address, so guessing elsewhere never locks the owner out', async () => {
    await withApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3', LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE: '100' }, async (t) => {
      const owner = await createUser(t, { role: 'office', officeCode: 'vest', password: 'the owner knows this one' });
      for (let i = 0; i < 3; i += 1) await login(t, '203.0.113.9', owner.email, 'a wrong guess').expect(401);
      expectProblem(await login(t, '203.0.113.9', owner.email, 'a wrong guess'), 429, 'rate_limited');
      // Right password or not, the attacker's address is held back for this account …
      expectProblem(await login(t, '203.0.113.9', owner.email, 'the owner knows this one'), 429, 'rate_limited');
      // … while the owner, elsewhere, logs in.
      await login(t, '198.51.100.7', owner.email, 'the owner knows this one').expect(200);
    });
  });

  it('are limited per address across accounts (password spraying)', async () => {
    await withApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '100', LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE: '4' }, async (t) => {
      for (let i = 0; i < 4; i += 1) await login(t, '203.0.113.10', `person${i}@example.no`, 'Sommer2026!').expect(401);
      const refused = await login(t, '203.0.113.10', 'person9@example.no', 'Sommer2026!');
      expectProblem(refused, 429, 'rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      await login(t, '198.51.100.8', 'person9@example.no', 'Sommer2026!').expect(401);
    });
  });

  it('do not count successful logins', async () => {
    await withApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '2', LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE: '2' }, async (t) => {
      const user = await createUser(t, { password: 'a password of mine' });
      for (let i = 0; i < 5; i += 1) await login(t, '198.51.100.9', user.email, 'a password of mine').expect(200);
    });
  });
});

describe('wrong client secrets', () => {
  it('are limited per client and address, so the real client still gets its token', async () => {
    await withApp({ TOKEN_RATE_LIMIT_PER_MINUTE: '3' }, async (t) => {
      const admin = await createUser(t);
      const created = await http(t).post('/api/v1/api-clients').set(admin.auth).send({ name: 'Herøy HR', role: 'municipality', kommunenummer: '1818' }).expect(201);
      const { clientId, clientSecret } = created.body as { clientId: string; clientSecret: string };
      const token = (from: string, secret: string) =>
        http(t).post('/api/v1/oauth/token').set('x-forwarded-for', from).type('form').send({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
      for (let i = 0; i < 3; i += 1) await token('203.0.113.20', 'guessed').expect(401);
      await token('203.0.113.20', 'guessed').expect(429);
      await token('198.51.100.20', clientSecret).expect(200);
    });
  });
});

describe('access tokens of an ended session', () => {
  it('stop working at logout and when a reused refresh token ends the session', async () => {
    await withApp({}, async (t) => {
      const user = await createUser(t, { password: 'a password of mine' });
      const session = async () => {
        const response = await login(t, '198.51.100.30', user.email, 'a password of mine').expect(200);
        const cookie = response.headers['set-cookie'] as unknown as string[];
        return { auth: { authorization: `Bearer ${(response.body as { accessToken: string }).accessToken}` }, cookie: cookie.join('; ') };
      };

      const loggedOut = await session();
      await http(t).get('/api/v1/me').set(loggedOut.auth).expect(200);
      await http(t).post('/api/v1/auth/logout').set('cookie', loggedOut.cookie).expect(204);
      expectProblem(await http(t).get('/api/v1/me').set(loggedOut.auth), 401, 'unauthorized');

      const stolen = await session();
      const rotated = await http(t).post('/api/v1/auth/refresh').set('cookie', stolen.cookie).expect(200);
      const newAuth = { authorization: `Bearer ${(rotated.body as { accessToken: string }).accessToken}` };
      // The old refresh token comes back: the whole session ends, and every access token of it.
      await http(t).post('/api/v1/auth/refresh').set('cookie', stolen.cookie).expect(401);
      expectProblem(await http(t).get('/api/v1/me').set(stolen.auth), 401, 'unauthorized');
      expectProblem(await http(t).get('/api/v1/me').set(newAuth), 401, 'unauthorized');

      // Another session of the same user goes on.
      const other = await session();
      await http(t).get('/api/v1/me').set(other.auth).expect(200);
    });
  });

  it('stay refused on an instance that learns of the end only from the database', async () => {
    await withApp({}, async (t) => {
      const user = await createUser(t, { password: 'a password of mine' });
      const response = await login(t, '198.51.100.31', user.email, 'a password of mine').expect(200);
      const auth = { authorization: `Bearer ${(response.body as { accessToken: string }).accessToken}` };
      const cookie = (response.headers['set-cookie'] as unknown as string[]).join('; ');
      await http(t).post('/api/v1/auth/logout').set('cookie', cookie).expect(204);
      // A second instance on the same database: it never saw the logout, only what it polls.
      const other = await buildTestApp({}, { database: t.database });
      try {
        expectProblem(await http(other).get('/api/v1/me').set(auth), 401, 'unauthorized');
      } finally {
        await other.app.close();
      }
    });
  });
});

describe('requests with invalid access tokens', () => {
  it('are limited per address', async () => {
    await withApp({ INVALID_TOKEN_RATE_LIMIT_PER_MINUTE: '5' }, async (t) => {
      const { admin } = await createCast(t);
      const bad = (from: string) => http(t).get('/api/v1/offices').set('x-forwarded-for', from).set('authorization', 'Bearer not.a.token');
      for (let i = 0; i < 5; i += 1) expectProblem(await bad('203.0.113.40'), 401, 'unauthorized');
      const refused = await bad('203.0.113.40');
      expectProblem(refused, 429, 'rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expectProblem(await bad('198.51.100.40'), 401, 'unauthorized');
      await http(t).get('/api/v1/offices').set('x-forwarded-for', '198.51.100.40').set(admin.auth).expect(200);
    });
  });
});

describe('error logs', () => {
  it('keep the values of a failed query out (names, HPR numbers)', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const t = await buildTestApp(
      { LOG_LEVEL: 'info' },
      {
        logStream: stream,
        beforeReady: (app) => {
          app.get('/test/failing-query', async () => app.database.db.execute(sql`select ${'Kari Nordmann 9123456'}::int`));
        },
      },
    );
    try {
      const response = await t.app.inject({ method: 'GET', url: '/test/failing-query' });
      expect(response.statusCode).toBe(500);
      const logged = lines.join('');
      expect(logged).toContain('Failed query');
      expect(logged).not.toContain('Kari');
      expect(logged).not.toContain('9123456');
    } finally {
      await t.close();
    }
  });
});

describe('log lines', () => {
  it('never carry a password, a client secret or a credential header, and leave the logged object as it was', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pino(loggerOptions({ LOG_LEVEL: 'info' }), stream);
    const body = { email: 'kari@example.no', password: 'hunter2-hunter2' };
    const request = { method: 'POST', headers: { authorization: 'Bearer eyJ.secret.token', cookie: 'refresh=abc123', accept: 'application/json' } };
    const response = { statusCode: 200, headers: { 'set-cookie': 'refresh=def456' } };
    log.info({ body, client: { client_id: 'hr-1', client_secret: 's3cr3t-value' }, req: request, res: response, plain: 'kept' }, 'with secrets');
    log.child({ reqId: 'r-1' }).info({ method: 'GET', url: '/api/v1/offices', statusCode: 200, ms: 3 }, 'request completed');
    const [withSecrets, plain] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(withSecrets).toMatchObject({
      body: { email: 'kari@example.no', password: '[redacted]' },
      client: { client_id: 'hr-1', client_secret: '[redacted]' },
      req: { method: 'POST', headers: { authorization: '[redacted]', cookie: '[redacted]', accept: 'application/json' } },
      res: { statusCode: 200, headers: { 'set-cookie': '[redacted]' } },
      plain: 'kept',
    });
    expect(lines[0]).not.toMatch(/hunter2|s3cr3t|eyJ\.secret|abc123|def456/);
    expect(plain).toMatchObject({ reqId: 'r-1', method: 'GET', url: '/api/v1/offices', statusCode: 200, ms: 3, msg: 'request completed' });
    // The caller's objects are not changed by logging them.
    expect(body.password).toBe('hunter2-hunter2');
    expect(request.headers.authorization).toBe('Bearer eyJ.secret.token');
  });
});
