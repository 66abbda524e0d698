import { randomUUID } from 'node:crypto';
import {
  type AuditEntry,
  type ErrorCode,
  type Problem,
  type ProblemOf,
  type StaffRole,
  auditEntry,
  createdApiClient,
  pageOf,
  problemDetails,
  tokenResponse,
} from '@alis/shared';
import supertest from 'supertest';
import { usersRepo } from '../../src/modules/users/users.repo.js';
import { hashPassword } from '../../src/lib/secrets.js';
import type { TestApp } from './build-app.js';
import { bodyOf } from './expect.js';

export const http = (t: TestApp) => supertest(t.app.server);

/** Whoever calls the API: a staff user or a machine client, by its bearer token. */
export interface Caller {
  auth: { authorization: string };
}

export interface TestUser extends Caller {
  id: string;
  email: string;
  password: string;
  role: StaffRole;
  officeCode: string | null;
  token: string;
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
  const token = await t.app.accessTokens.sign({ typ: 'user', sub: row.id, role, off: officeCode, tv: row.tokenVersion, sid: randomUUID() });
  return { id: row.id, email, password, role, officeCode, token, auth: { authorization: `Bearer ${token}` } };
}

export interface TestClient extends Caller {
  id: string;
  clientId: string;
  clientSecret: string;
  token: string;
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
  const { id, clientId, clientSecret } = bodyOf(created, createdApiClient);
  const tokenResponseOf = await http(t)
    .post('/api/v1/oauth/token')
    .type('form')
    .send({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      ...(options.scope ? { scope: options.scope } : {}),
    })
    .expect(200);
  const token = bodyOf(tokenResponseOf, tokenResponse).access_token;
  return { id, clientId, clientSecret, token, auth: { authorization: `Bearer ${token}` } };
}

/** The callers most tests need: one of each kind of staff user, and machine clients of three municipalities and the directorate. */
export interface Cast {
  admin: TestUser;
  /** Office user of ALIS Nord, the office of Herøy and Bodø. */
  nordOffice: TestUser;
  /** Office user of ALIS Oslo. */
  osloOffice: TestUser;
  directorate: TestUser;
  /** Client of Herøy (1818), Nordland. */
  heroyClient: TestClient;
  /** Client of Bodø (1804), Nordland. */
  bodoClient: TestClient;
  /** Client of Oslo (0301). */
  osloClient: TestClient;
  directorateClient: TestClient;
}

/** The standard cast of a test file: `useCast()` (support/cast.ts) builds it once per file. */
export async function createCast(t: TestApp): Promise<Cast> {
  const admin = await createUser(t);
  const [nordOffice, osloOffice, directorate, heroyClient, bodoClient, osloClient, directorateClient] = await Promise.all([
    createUser(t, { role: 'office', officeCode: 'nord' }),
    createUser(t, { role: 'office', officeCode: 'oslo' }),
    createUser(t, { role: 'directorate' }),
    createClient(t, admin, { kommunenummer: '1818' }),
    createClient(t, admin, { kommunenummer: '1804' }),
    createClient(t, admin, { kommunenummer: '0301' }),
    createClient(t, admin, { role: 'directorate' }),
  ]);
  return { admin, nordOffice, osloOffice, directorate, heroyClient, bodoClient, osloClient, directorateClient };
}

const auditPage = pageOf(auditEntry);

/** The audit entries matching `query`, newest first, as an admin reads them. */
export async function auditTrail(t: TestApp, admin: Caller, query: Record<string, string | number>): Promise<AuditEntry[]> {
  return bodyOf(await http(t).get('/api/v1/audit').query(query).set(admin.auth).expect(200), auditPage).items;
}

/** The problem of one code, with that code's own members (`errors`, `existingId`, `allowed` …). */

const isProblemOf = <C extends ErrorCode>(problem: Problem, code: C): problem is ProblemOf<C> => problem.code === code;
const codeOf = (body: unknown) => (typeof body === 'object' && body !== null && 'code' in body ? body.code : undefined);

/** Asserts an RFC 9457 problem response of the contract's shape, and returns its body typed by its code. */
export function expectProblem<C extends ErrorCode>(
  response: { status: number; headers: Record<string, unknown>; body: unknown },
  status: number,
  code: C,
): ProblemOf<C> {
  if (response.status !== status || codeOf(response.body) !== code) {
    throw new Error(`expected ${status} ${code}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  const contentType = response.headers['content-type'];
  if (typeof contentType !== 'string' || !contentType.startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got ${String(contentType)}`);
  }
  const problem = bodyOf(response, problemDetails);
  if (!isProblemOf(problem, code) || problem.status !== status || problem.type !== `urn:alis:problem:${code}` || !problem.title || !problem.requestId) {
    throw new Error(`malformed problem body ${JSON.stringify(response.body)}`);
  }
  return problem;
}
