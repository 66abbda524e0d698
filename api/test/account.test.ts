import * as contract from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, t, useCast } from './support/cast.js';
import { bodyOf } from './support/expect.js';
import { auditTrail, createUser, expectProblem, http } from './support/factories.js';

useCast();

const email = () => `one-time-${Math.random().toString(36).slice(2, 8)}@example.no`;
const ONE_TIME = 'one-time password 123';

/** An administrator creates a user with a one-time password; the user logs in with it. */
async function newUserLoggedIn() {
  const body = { email: email(), name: 'Kari Nordmann', role: 'office', officeCode: 'midt', password: ONE_TIME };
  const created = bodyOf(await http(t).post('/api/v1/users').set(admin.auth).send(body).expect(201), contract.user);
  const login = bodyOf(await http(t).post('/api/v1/auth/login').send({ email: body.email, password: ONE_TIME }).expect(200), contract.loginResponse);
  return { created, body, login, auth: { authorization: `Bearer ${login.accessToken}` } };
}

describe('one-time passwords and changing one\'s own password', () => {
  it('a new user must change the one-time password: until then only /auth and /me answer', async () => {
    const { created, login, auth } = await newUserLoggedIn();
    expect(created.mustChangePassword).toBe(true);
    expect(login.user.mustChangePassword).toBe(true);
    expect(bodyOf(await http(t).get('/api/v1/me').set(auth).expect(200), contract.me).id).toBe(created.id);
    expectProblem(await http(t).get('/api/v1/municipalities').set(auth), 403, 'forbidden');
  });

  it('changes the password with the current one: a new session, old tokens revoked, audited, and the flag cleared', async () => {
    const { created, body, auth } = await newUserLoggedIn();
    const response = await http(t).post('/api/v1/auth/password').set(auth).send({ currentPassword: ONE_TIME, newPassword: 'my own long passphrase' }).expect(200);
    const session = bodyOf(response, contract.loginResponse);
    expect(session.user.mustChangePassword).toBe(false);
    expect(String(response.headers['set-cookie'])).toMatch(/alis_refresh=/);

    await http(t).get('/api/v1/municipalities').set({ authorization: `Bearer ${session.accessToken}` }).expect(200);
    expectProblem(await http(t).get('/api/v1/me').set(auth), 401, 'unauthorized');
    expectProblem(await http(t).post('/api/v1/auth/login').send({ email: body.email, password: ONE_TIME }), 401, 'invalid_credentials');
    await http(t).post('/api/v1/auth/login').send({ email: body.email, password: 'my own long passphrase' }).expect(200);

    const user = bodyOf(await http(t).get(`/api/v1/users/${created.id}`).set(admin.auth).expect(200), contract.user);
    expect(user.mustChangePassword).toBe(false);
    const trail = await auditTrail(t, admin, { entityType: 'user', entityId: created.id });
    expect(trail.map((entry) => entry.action)).toContain('user.password_changed');
  });

  it('refuses a wrong current password and the same password again, with codes a client words itself', async () => {
    const user = await createUser(t, { role: 'office', officeCode: 'nord' });
    const wrong = expectProblem(
      await http(t).post('/api/v1/auth/password').set(user.auth).send({ currentPassword: 'not the password', newPassword: 'a brand new passphrase' }),
      400,
      'validation_failed',
    );
    expect(wrong.errors).toEqual([expect.objectContaining({ path: 'currentPassword', code: 'not_allowed', params: { reason: 'wrong_password' } })]);
    const same = expectProblem(
      await http(t).post('/api/v1/auth/password').set(user.auth).send({ currentPassword: user.password, newPassword: user.password }),
      400,
      'validation_failed',
    );
    expect(same.errors).toEqual([expect.objectContaining({ path: 'newPassword', code: 'not_allowed', params: { reason: 'same_password' } })]);
    const short = expectProblem(
      await http(t).post('/api/v1/auth/password').set(user.auth).send({ currentPassword: user.password, newPassword: 'short' }),
      400,
      'validation_failed',
    );
    expect(short.errors.map((error) => error.path)).toEqual(['newPassword']);
  });

  it('an administrator who sets another user\'s password gives a one-time password; their own is not', async () => {
    const user = await createUser(t, { role: 'office', officeCode: 'nord' });
    const current = await http(t).get(`/api/v1/users/${user.id}`).set(admin.auth).expect(200);
    const changed = await http(t)
      .patch(`/api/v1/users/${user.id}`)
      .set(admin.auth)
      .set('if-match', String(current.headers.etag))
      .send({ password: 'a new one-time password' })
      .expect(200);
    expect(bodyOf(changed, contract.user).mustChangePassword).toBe(true);
    const own = await http(t).patch(`/api/v1/users/${admin.id}`).set(admin.auth).send({ name: 'Admin' }).expect(200);
    expect(bodyOf(own, contract.user).mustChangePassword).toBe(false);
  });

  it('every staff role changes its own password, also the directorate, which writes nothing else', async () => {
    const user = await createUser(t, { role: 'directorate' });
    const response = await http(t).post('/api/v1/auth/password').set(user.auth).send({ currentPassword: user.password, newPassword: 'the directorate passphrase' }).expect(200);
    expect(bodyOf(response, contract.loginResponse).user.role).toBe('directorate');
  });

  it('machine clients have no password to change', async () => {
    const created = bodyOf(
      await http(t).post('/api/v1/api-clients').set(admin.auth).send({ name: 'Rapport', role: 'directorate' }).expect(201),
      contract.createdApiClient,
    );
    const token = await http(t).post('/api/v1/oauth/token').auth(created.clientId, created.clientSecret).type('form').send({ grant_type: 'client_credentials' }).expect(200);
    const access = (token.body as { access_token: string }).access_token;
    expectProblem(
      await http(t).post('/api/v1/auth/password').set({ authorization: `Bearer ${access}` }).send({ currentPassword: 'x', newPassword: 'a brand new passphrase' }),
      403,
      'forbidden',
    );
  });
});
