import * as contract from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './support/build-app.js';
import { admin, nordOffice, t, useCast } from './support/cast.js';
import { bodyOf, first } from './support/expect.js';
import { auditTrail, createUser, expectProblem, http } from './support/factories.js';

const userPage = contract.pageOf(contract.user);

useCast();

const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: `person-${Math.random().toString(36).slice(2, 8)}@example.no`,
  name: 'Ola Nordmann',
  role: 'office',
  officeCode: 'midt',
  password: 'a long enough password',
  ...overrides,
});

describe('users', () => {
  it('creates a user who can then log in, and never shows the password hash', async () => {
    const body = newUser();
    const created = await http(t).post('/api/v1/users').set(admin.auth).send(body).expect(201);
    const createdUser = bodyOf(created, contract.user);
    expect(created.headers.location).toBe(`/api/v1/users/${createdUser.id}`);
    expect(created.headers.etag).toBe('"v1"');
    expect(createdUser).toMatchObject({ email: body.email, role: 'office', officeCode: 'midt', active: true, lastLoginAt: null });
    expect(JSON.stringify(created.body)).not.toMatch(/argon2|passwordHash|password/);

    const login = await http(t).post('/api/v1/auth/login').send({ email: body.email, password: body.password }).expect(200);
    expect(bodyOf(login, contract.loginResponse)).toMatchObject({ user: { role: 'office', officeCode: 'midt' } });
  });

  it('answers 409 naming the existing user for a duplicate e-mail', async () => {
    const body = newUser();
    const firstResponse = await http(t).post('/api/v1/users').set(admin.auth).send(body).expect(201);
    const second = await http(t).post('/api/v1/users').set(admin.auth).send({ ...body, email: body.email.toUpperCase() });
    const problem = expectProblem(second, 409, 'already_exists');
    expect(problem.existingId).toBe(bodyOf(firstResponse, contract.user).id);
  });

  it('validates role and office together, passwords and unknown offices', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ role: 'office', officeCode: undefined }, 'officeCode'],
      [{ role: 'directorate', officeCode: 'midt' }, 'officeCode'],
      [{ role: 'superuser' }, 'role'],
      [{ password: 'short' }, 'password'],
      [{ isAdmin: true }, 'isAdmin'],
    ];
    for (const [overrides, path] of cases) {
      const problem = expectProblem(await http(t).post('/api/v1/users').set(admin.auth).send(newUser(overrides)), 400, 'validation_failed');
      expect(problem.errors.map((e) => e.path)).toContain(path);
    }
    const unknownOffice = expectProblem(
      await http(t).post('/api/v1/users').set(admin.auth).send(newUser({ officeCode: 'atlantis' })),
      400,
      'validation_failed',
    );
    expect(unknownOffice.errors).toEqual([
      { path: 'officeCode', code: 'unknown_reference', message: 'no office has the code "atlantis"', params: { entity: 'office', value: 'atlantis' } },
    ]);
  });

  it('lists with filters and cursor paging', async () => {
    for (let i = 0; i < 3; i += 1) await http(t).post('/api/v1/users').set(admin.auth).send(newUser({ officeCode: 'sor' })).expect(201);
    const page1 = bodyOf(await http(t).get('/api/v1/users').query({ officeCode: 'sor', limit: 2 }).set(admin.auth).expect(200), userPage);
    expect(page1.items).toHaveLength(2);
    const page2 = bodyOf(
      await http(t).get('/api/v1/users').query({ officeCode: 'sor', limit: 2, cursor: page1.nextCursor }).set(admin.auth).expect(200),
      userPage,
    );
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.items, ...page2.items].map((u) => u.id)).size).toBe(3);
    expect([...page1.items, ...page2.items].every((u) => u.officeCode === 'sor')).toBe(true);
  });

  it('is for admins only', async () => {
    expectProblem(await http(t).post('/api/v1/users').set(nordOffice.auth).send(newUser()), 403, 'forbidden');
    expectProblem(await http(t).get(`/api/v1/users/${admin.id}`).set(nordOffice.auth), 403, 'forbidden');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expectProblem(await http(t).get('/api/v1/users/00000000-0000-4000-8000-000000000000').set(admin.auth), 404, 'not_found');
    expectProblem(await http(t).get('/api/v1/users/42').set(admin.auth), 400, 'validation_failed');
  });
});

describe('PATCH /api/v1/users/{id}', () => {
  it('changes role and office, honours If-Match and audits the change', async () => {
    const { id } = bodyOf(await http(t).post('/api/v1/users').set(admin.auth).send(newUser()).expect(201), contract.user);
    const moved = await http(t).patch(`/api/v1/users/${id}`).set(admin.auth).set('if-match', '"v1"').send({ role: 'directorate', officeCode: null }).expect(200);
    expect(bodyOf(moved, contract.user)).toMatchObject({ role: 'directorate', officeCode: null });
    expect(moved.headers.etag).toBe('"v2"');
    expectProblem(await http(t).patch(`/api/v1/users/${id}`).set(admin.auth).set('if-match', '"v1"').send({ name: 'X' }), 412, 'precondition_failed');

    const actions = await auditTrail(t, admin, { entityType: 'user', entityId: id });
    expect(actions.map((a) => a.action)).toEqual(['user.updated', 'user.created']);
    expect(first(actions).after).toEqual({ role: 'directorate', officeCode: null });
    expect(JSON.stringify(actions)).not.toMatch(/argon2/);
  });

  it('requires an office when making someone an office user', async () => {
    const created = bodyOf(await http(t).post('/api/v1/users').set(admin.auth).send(newUser({ role: 'directorate', officeCode: null })).expect(201), contract.user);
    const problem = expectProblem(
      await http(t).patch(`/api/v1/users/${created.id}`).set(admin.auth).send({ role: 'office' }),
      400,
      'validation_failed',
    );
    expect(first(problem.errors).path).toBe('officeCode');
  });

  it('deactivating a user ends their access token and refresh cookie at once', async () => {
    const body = newUser();
    const created = bodyOf(await http(t).post('/api/v1/users').set(admin.auth).send(body).expect(201), contract.user);
    const session = await http(t).post('/api/v1/auth/login').send({ email: body.email, password: body.password }).expect(200);
    const token = bodyOf(session, contract.loginResponse).accessToken;
    const cookie = first(first(([] as string[]).concat(session.headers['set-cookie'] ?? []), 'a Set-Cookie header').split(';'));
    await http(t).get('/api/v1/me').set('authorization', `Bearer ${token}`).expect(200);

    await http(t).patch(`/api/v1/users/${created.id}`).set(admin.auth).send({ active: false }).expect(200);

    expectProblem(await http(t).get('/api/v1/me').set('authorization', `Bearer ${token}`), 401, 'unauthorized');
    expectProblem(await http(t).post('/api/v1/auth/refresh').set('cookie', cookie), 401, 'unauthorized');
    expectProblem(await http(t).post('/api/v1/auth/login').send({ email: body.email, password: body.password }), 401, 'invalid_credentials');
  });

  it('a new password works and the old one does not', async () => {
    const body = newUser();
    const created = bodyOf(await http(t).post('/api/v1/users').set(admin.auth).send(body).expect(201), contract.user);
    await http(t).patch(`/api/v1/users/${created.id}`).set(admin.auth).send({ password: 'another long password' }).expect(200);
    expectProblem(await http(t).post('/api/v1/auth/login').send({ email: body.email, password: body.password }), 401, 'invalid_credentials');
    await http(t).post('/api/v1/auth/login').send({ email: body.email, password: 'another long password' }).expect(200);
  });

  it('keeps at least one active admin', async () => {
    const isolated = await buildTestApp();
    try {
      const onlyAdmin = await createUser(isolated);
      const demote = await http(isolated).patch(`/api/v1/users/${onlyAdmin.id}`).set(onlyAdmin.auth).send({ active: false });
      expectProblem(demote, 409, 'conflict');
      const second = await createUser(isolated);
      await http(isolated).patch(`/api/v1/users/${onlyAdmin.id}`).set(second.auth).send({ role: 'directorate' }).expect(200);
    } finally {
      await isolated.close();
    }
  });
});
