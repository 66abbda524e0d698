import * as contract from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './support/build-app.js';
import { admin, directorateClient, heroyClient as heroy, nordOffice, t, useCast } from './support/cast.js';
import { bodyOf } from './support/expect.js';
import { auditTrail, createClient, expectProblem, http } from './support/factories.js';

const apiClientPage = contract.pageOf(contract.apiClient);

useCast();

const token = (body: Record<string, string>, basic?: string) => {
  const request = http(t).post('/api/v1/oauth/token').type('form');
  if (basic) request.set('authorization', `Basic ${basic}`);
  return request.send(body);
};
const basicOf = (id: string, secret: string) => Buffer.from(`${id}:${secret}`).toString('base64');

describe('API clients', () => {
  it('shows the secret once and never again', async () => {
    // Narvik has no client of the cast, so this is its only one.
    const created = await http(t).post('/api/v1/api-clients').set(admin.auth).send({ name: 'HR Narvik', role: 'municipality', kommunenummer: '1806' }).expect(201);
    const body = bodyOf(created, contract.createdApiClient);
    expect(body.clientId).toMatch(/^alis_[0-9a-f]{24}$/);
    expect(body.clientSecret.length).toBeGreaterThanOrEqual(40);
    expect(body.scopes).toEqual(['read', 'write']);
    expect(created.headers['cache-control']).toBe('no-store');

    const fetched = await http(t).get(`/api/v1/api-clients/${body.id}`).set(admin.auth).expect(200);
    expect(bodyOf(fetched, contract.apiClient)).not.toHaveProperty('clientSecret');
    const list = await http(t).get('/api/v1/api-clients').query({ kommunenummer: '1806' }).set(admin.auth).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(body.clientSecret);
    expect(bodyOf(list, apiClientPage).items).toHaveLength(1);
  });

  it('validates role and municipality', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x', role: 'municipality' }, 'kommunenummer'],
      [{ name: 'x', role: 'directorate', kommunenummer: '0301' }, 'kommunenummer'],
      [{ name: 'x', role: 'admin' }, 'role'],
      [{ name: 'x', role: 'municipality', kommunenummer: '9999' }, 'kommunenummer'],
    ];
    for (const [body, path] of cases) {
      const problem = expectProblem(await http(t).post('/api/v1/api-clients').set(admin.auth).send(body), 400, 'validation_failed');
      expect(problem.errors.map((e) => e.path)).toContain(path);
    }
  });

  it('is for admins only', async () => {
    expectProblem(await http(t).get('/api/v1/api-clients').set(nordOffice.auth), 403, 'forbidden');
    expectProblem(await http(t).get('/api/v1/api-clients').set(heroy.auth), 403, 'forbidden');
  });
});

describe('POST /api/v1/oauth/token', () => {
  it('issues a bearer token with HTTP Basic client authentication', async () => {
    const response = await token({ grant_type: 'client_credentials' }, basicOf(heroy.clientId, heroy.clientSecret)).expect(200);
    const issued = bodyOf(response, contract.tokenResponse);
    expect(issued).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 900, scope: 'read write' });
    expect(response.headers['cache-control']).toBe('no-store');
    const me = await http(t).get('/api/v1/me').set('authorization', `Bearer ${issued.access_token}`).expect(200);
    expect(bodyOf(me, contract.me)).toMatchObject({ kind: 'client', id: heroy.clientId, role: 'municipality', kommunenummer: '1818' });
  });

  it('answers errors in RFC 6749 format', async () => {
    const wrongSecret = await token({ grant_type: 'client_credentials', client_id: heroy.clientId, client_secret: 'nope' }).expect(401);
    expect(bodyOf(wrongSecret, contract.oauthError)).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    const wrongBasic = await token({ grant_type: 'client_credentials' }, basicOf(heroy.clientId, 'nope')).expect(401);
    expect(wrongBasic.headers['www-authenticate']).toMatch(/^Basic/);
    const unknown = await token({ grant_type: 'client_credentials', client_id: 'alis_unknown', client_secret: 'x' }).expect(401);
    expect(bodyOf(unknown, contract.oauthError).error_description).toBe(bodyOf(wrongSecret, contract.oauthError).error_description);

    const grant = await token({ grant_type: 'password', client_id: heroy.clientId, client_secret: heroy.clientSecret }).expect(400);
    expect(bodyOf(grant, contract.oauthError)).toMatchObject({ error: 'unsupported_grant_type' });
    const missing = await token({ client_id: heroy.clientId, client_secret: heroy.clientSecret }).expect(400);
    expect(bodyOf(missing, contract.oauthError)).toMatchObject({ error: 'invalid_request' });
    const scope = await token({ grant_type: 'client_credentials', client_id: heroy.clientId, client_secret: heroy.clientSecret, scope: 'read decide' }).expect(400);
    expect(bodyOf(scope, contract.oauthError)).toMatchObject({ error: 'invalid_scope' });
    const noAuth = await token({ grant_type: 'client_credentials' }).expect(401);
    expect(bodyOf(noAuth, contract.oauthError)).toMatchObject({ error: 'invalid_client' });
    const both = await token({ grant_type: 'client_credentials', client_secret: heroy.clientSecret }, basicOf(heroy.clientId, heroy.clientSecret)).expect(400);
    expect(bodyOf(both, contract.oauthError)).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses new tokens for a revoked client and stops its current ones', async () => {
    const client = await createClient(t, admin, { kommunenummer: '1820' });
    await http(t).get('/api/v1/municipalities/1820').set(client.auth).expect(200);
    const revoked = await http(t).post(`/api/v1/api-clients/${client.id}/revoke`).set(admin.auth).expect(200);
    expect(bodyOf(revoked, contract.apiClient).revokedAt).not.toBeNull();
    // Many HTTP clients label a bodiless POST as JSON; that is not an error.
    await http(t).post(`/api/v1/api-clients/${client.id}/revoke`).set(admin.auth).set('content-type', 'application/json').expect(200);

    expectProblem(await http(t).get('/api/v1/municipalities/1820').set(client.auth), 401, 'unauthorized');
    const again = await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }).expect(401);
    expect(bodyOf(again, contract.oauthError)).toMatchObject({ error: 'invalid_client' });
    const listed = await http(t).get('/api/v1/api-clients').query({ revoked: 'true' }).set(admin.auth).expect(200);
    expect(bodyOf(listed, apiClientPage).items.map((c) => c.id)).toContain(client.id);
  });

  it('rate-limits token requests with 429 and Retry-After', async () => {
    const limited = await buildTestApp({ TOKEN_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const send = () => http(limited).post('/api/v1/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: 'alis_x', client_secret: 'y' });
      await send().expect(401);
      await send().expect(401);
      const response = await send().expect(429);
      expect(bodyOf(response, contract.oauthError)).toMatchObject({ error: 'temporarily_unavailable' });
      expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  });
});

describe('a municipality client\'s scope', () => {
  it('sees only its own municipality', async () => {
    const list = await http(t).get('/api/v1/municipalities').query({ limit: 200 }).set(heroy.auth).expect(200);
    expect(bodyOf(list, contract.pageOf(contract.municipality)).items.map((m) => m.kommunenummer)).toEqual(['1818']);
    await http(t).get('/api/v1/municipalities/1818').set(heroy.auth).expect(200);
    expectProblem(await http(t).get('/api/v1/municipalities/1515').set(heroy.auth), 404, 'not_found');
    expectProblem(await http(t).patch('/api/v1/municipalities/1515').set(heroy.auth).send({ contactName: 'X' }), 404, 'not_found');
  });

  it('may keep its contact person up to date, nothing else', async () => {
    const updated = await http(t)
      .patch('/api/v1/municipalities/1818')
      .set(heroy.auth)
      .send({ contactName: 'Per Hansen', contactEmail: 'per.hansen@heroy.kommune.no', contactPhone: '+47 75 06 00 00' })
      .expect(200);
    expect(bodyOf(updated, contract.municipality)).toMatchObject({ contactName: 'Per Hansen' });
    const refused = expectProblem(await http(t).patch('/api/v1/municipalities/1818').set(heroy.auth).send({ population: 1 }), 403, 'forbidden');
    expect(refused.detail).toContain('population');

    const audit = await auditTrail(t, admin, { entityId: '1818', actorId: heroy.clientId });
    expect(audit[0]).toMatchObject({ actorType: 'client', actorRole: 'municipality' });
  });

  it('with a read-only token cannot write', async () => {
    const readOnly = await createClient(t, admin, { kommunenummer: '1818', scope: 'read' });
    await http(t).get('/api/v1/municipalities/1818').set(readOnly.auth).expect(200);
    expectProblem(await http(t).patch('/api/v1/municipalities/1818').set(readOnly.auth).send({ contactName: 'X' }), 403, 'forbidden');
  });

  it('a directorate client reads all municipalities but writes none', async () => {
    await http(t).get('/api/v1/municipalities/0301').set(directorateClient.auth).expect(200);
    expectProblem(await http(t).patch('/api/v1/municipalities/0301').set(directorateClient.auth).send({ notes: 'x' }), 403, 'forbidden');
  });
});
