import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@alis/shared';
import supertest from 'supertest';
import { usersRepo } from '../../src/modules/users/users.repo.js';
import { hashPassword } from '../../src/lib/secrets.js';
import type { TestApp } from './build-app.js';

export const http = (t: TestApp) => supertest(t.app.server);

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: StaffRole;
  officeCode: string | null;
  token: string;
  auth: { authorization: string };
}

let passwordHashOnce: Promise<string> | undefined;
const DEFAULT_PASSWORD = 'correct horse battery staple';

/** A staff user with a signed access token; defaults to an admin. */
export async function createUser(
  t: TestApp,
  options: { role?: StaffRole; officeCode?: string; email?: string; password?: string; active?: boolean } = {},
): Promise<TestUser> {
  const role = options.role ?? 'admin';
  const officeCode = role === 'office' ? (options.officeCode ?? 'nord') : null;
  const password = options.password ?? DEFAULT_PASSWORD;
  // Hashing is deliberately slow; reuse one hash for the default password.
  const passwordHash = options.password ? await hashPassword(password) : await (passwordHashOnce ??= hashPassword(DEFAULT_PASSWORD));
  const email = options.email ?? `${role}-${randomUUID().slice(0, 8)}@example.no`;
  const row = await usersRepo.insert(t.database.db, {
    email,
    name: `Test ${role}`,
    role,
    officeCode,
    passwordHash,
    active: options.active ?? true,
  });
  if (!row) throw new Error(`could not create user ${email}`);
  const token = await t.app.accessTokens.sign({ typ: 'user', sub: row.id, role, off: officeCode, tv: row.tokenVersion });
  return { id: row.id, email, password, role, officeCode, token, auth: { authorization: `Bearer ${token}` } };
}

export interface TestClient {
  id: string;
  clientId: string;
  clientSecret: string;
  token: string;
  auth: { authorization: string };
}

/** A machine client registered through the API by an admin, with a token from the token endpoint. */
export async function createClient(
  t: TestApp,
  admin: TestUser,
  options: { role?: 'municipality' | 'directorate'; kommunenummer?: string; scope?: string } = {},
): Promise<TestClient> {
  const role = options.role ?? 'municipality';
  const created = await http(t)
    .post('/api/v1/api-clients')
    .set(admin.auth)
    .send({ name: `Test ${role} client`, role, ...(role === 'municipality' ? { kommunenummer: options.kommunenummer ?? '1818' } : {}) })
    .expect(201);
  const body = created.body as { id: string; clientId: string; clientSecret: string };
  const tokenResponse = await http(t)
    .post('/api/v1/oauth/token')
    .type('form')
    .send({
      grant_type: 'client_credentials',
      client_id: body.clientId,
      client_secret: body.clientSecret,
      ...(options.scope ? { scope: options.scope } : {}),
    })
    .expect(200);
  const token = (tokenResponse.body as { access_token: string }).access_token;
  return { id: body.id, clientId: body.clientId, clientSecret: body.clientSecret, token, auth: { authorization: `Bearer ${token}` } };
}

/** Asserts an RFC 9457 problem response and returns its body. */
export function expectProblem(
  response: { status: number; headers: Record<string, string>; body: unknown },
  status: number,
  code: string,
) {
  const body = response.body as { status: number; code: string; type: string; title: string; requestId?: string; errors?: { path: string; message: string }[]; detail?: string };
  if (response.status !== status || body.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${response.status} ${JSON.stringify(body)}`);
  }
  if (!response.headers['content-type']?.startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got ${response.headers['content-type']}`);
  }
  if (body.status !== status || body.type !== `urn:alis:problem:${code}` || !body.title || !body.requestId) {
    throw new Error(`malformed problem body ${JSON.stringify(body)}`);
  }
  return body;
}
