import type { RouteOptions } from 'fastify';
import { errorCodes } from '@alis/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './support/build-app.js';
import { bodyOf, expectDefined } from './support/expect.js';
import { http } from './support/factories.js';
import { type JsonSchema, type OpenApiDocument, openApiDocument } from './support/openapi.js';

type RegisteredRoute = { method: string; url: string; hasBody: boolean; isPublic: boolean };

let t: TestApp;
let spec: OpenApiDocument;
const routes: RegisteredRoute[] = [];

beforeAll(async () => {
  t = await buildTestApp(
    {},
    {
      // See every route as it is registered, to hold the document against what the app really serves.
      beforeRegister: (app) => {
        app.addHook('onRoute', (route: RouteOptions) => {
          const schema = route.schema;
          if (schema?.hide) return;
          for (const method of ([] as string[]).concat(route.method)) {
            if (method === 'HEAD' || method === 'OPTIONS') continue;
            routes.push({ method, url: route.url, hasBody: schema?.body !== undefined, isPublic: route.config?.public === true });
          }
        });
      },
    },
  );
  const response = await http(t).get('/api/openapi.json').expect(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  spec = bodyOf(response, openApiDocument);
});
afterAll(() => t.close());

const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const operation = (method: string, url: string) => spec.paths[openapiPath(url)]?.[method.toLowerCase()];
/** The operation of a route the app serves, failing the test when the document lacks it. */
const documented = (method: string, url: string) => expectDefined(operation(method, url), `the operation ${method} ${url}`);
const apiRoutes = () => routes.filter((route) => route.url.startsWith('/api/v1/'));
/** Token endpoint errors follow RFC 6749, not problem details. */
const isOAuth = (route: RegisteredRoute) => route.url === '/api/v1/oauth/token';

function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return spec.components.schemas[name];
}

/** Every property name a schema can produce, following references, arrays and combinators. */
function propertyNames(schema: JsonSchema | undefined, seen = new Set<JsonSchema>()): string[] {
  const resolved = resolve(schema);
  if (!resolved || seen.has(resolved)) return [];
  seen.add(resolved);
  const nested = [
    ...Object.values(resolved.properties ?? {}),
    ...(resolved.items ? [resolved.items] : []),
    ...(['anyOf', 'oneOf', 'allOf'] as const).flatMap((key) => resolved[key] ?? []),
  ];
  return [...Object.keys(resolved.properties ?? {}), ...nested.flatMap((child) => propertyNames(child, seen))];
}

/** The operations the first release promised, as a floor under the route-by-route checks. */
const EXPECTED: [string, string][] = [
  ['POST', '/api/v1/auth/login'],
  ['POST', '/api/v1/auth/refresh'],
  ['POST', '/api/v1/auth/logout'],
  ['POST', '/api/v1/auth/password'],
  ['GET', '/api/v1/me'],
  ['POST', '/api/v1/oauth/token'],
  ['GET', '/api/v1/users'],
  ['POST', '/api/v1/users'],
  ['GET', '/api/v1/users/{id}'],
  ['PATCH', '/api/v1/users/{id}'],
  ['GET', '/api/v1/api-clients'],
  ['POST', '/api/v1/api-clients'],
  ['GET', '/api/v1/api-clients/{id}'],
  ['POST', '/api/v1/api-clients/{id}/revoke'],
  ['GET', '/api/v1/offices'],
  ['GET', '/api/v1/counties'],
  ['GET', '/api/v1/municipalities'],
  ['GET', '/api/v1/municipalities/{kommunenummer}'],
  ['PATCH', '/api/v1/municipalities/{kommunenummer}'],
  ['GET', '/api/v1/audit'],
];

describe('/api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with the bearer and client-credentials schemes', () => {
    expect(spec.openapi).toMatch(/^3\.1\.\d+$/);
    expect(spec.info.title).toBeTruthy();
    expect(Object.keys(spec.components.securitySchemes).sort()).toEqual(['bearer', 'oauth2']);
  });

  it('documents every operation of the first release', () => {
    for (const [method, path] of EXPECTED) {
      expect(spec.paths[path]?.[method.toLowerCase()], `${method} ${path}`).toBeDefined();
    }
  });

  it('documents every route the app serves, and nothing it does not', () => {
    expect(apiRoutes().length).toBeGreaterThanOrEqual(EXPECTED.length);
    for (const route of routes) {
      expect(operation(route.method, route.url), `${route.method} ${route.url}`).toBeDefined();
    }
    const served = new Set(routes.map((route) => `${route.method.toLowerCase()} ${openapiPath(route.url)}`));
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods)) expect(served.has(`${method} ${path}`), `${method} ${path}`).toBe(true);
    }
    expect(Object.keys(spec.paths).some((path) => path.includes('/api/docs') || path === '/api/openapi.json')).toBe(false);
  });

  it('gives every operation a success response with a schema', () => {
    for (const route of routes) {
      const op = documented(route.method, route.url);
      const successes = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status));
      expect(successes, `${route.method} ${route.url}`).not.toEqual([]);
      for (const status of successes.filter((s) => s !== '204')) {
        const schemas = Object.values(op.responses[status]?.content ?? {}).map((media) => resolve(media.schema));
        expect(schemas.length, `${route.method} ${route.url} ${status}`).toBeGreaterThan(0);
        expect(schemas.every(Boolean), `${route.method} ${route.url} ${status}`).toBe(true);
      }
    }
  });

  it('gives every request body a schema', () => {
    for (const route of routes.filter((r) => r.hasBody)) {
      const content = documented(route.method, route.url).requestBody?.content ?? {};
      const schemas = Object.values(content).map((media) => resolve(media.schema));
      expect(schemas.length, `${route.method} ${route.url}`).toBeGreaterThan(0);
      expect(schemas.every(Boolean), `${route.method} ${route.url}`).toBe(true);
    }
    expect(Object.keys(documented('POST', '/api/v1/oauth/token').requestBody?.content ?? {})).toEqual(['application/x-www-form-urlencoded']);
  });

  it('lists the errors each operation can answer with, as problem details', () => {
    const problemRef = '#/components/schemas/Problem';
    for (const route of apiRoutes().filter((r) => !isOAuth(r))) {
      const op = documented(route.method, route.url);
      const where = `${route.method} ${route.url}`;
      const statuses = Object.keys(op.responses);
      if (!route.isPublic) {
        expect(op.security, where).toBeUndefined(); // inherits the bearer requirement
        expect(statuses, where).toEqual(expect.arrayContaining(['400', '401', '403', '429']));
      } else {
        expect(op.security, where).toEqual([]);
      }
      // Ids in paths are checked against the caller's scope: unknown or out of scope is 404.
      if (route.url.includes(':')) expect(statuses, where).toContain('404');
      // Writes honour If-Match; a webhook is never changed, only made and removed, so nothing can be stale.
      const unversioned = route.url.startsWith('/api/v1/webhooks');
      if (!unversioned && (route.method === 'PATCH' || route.method === 'DELETE' || route.url.endsWith('/transitions'))) {
        expect(statuses, where).toContain('412');
      }
      // Any authenticated POST may meet Idempotency-Key in flight (409) or reused (422).
      if (route.method === 'POST' && !route.isPublic) expect(statuses, where).toEqual(expect.arrayContaining(['409', '422']));
      for (const status of statuses.filter((s) => /^[45]\d\d$/.test(s))) {
        const content = op.responses[status]?.content ?? {};
        expect(Object.keys(content), `${where} ${status}`).toEqual(['application/problem+json']);
        expect(content['application/problem+json']?.schema?.$ref, `${where} ${status}`).toBe(problemRef);
      }
    }
    expect(Object.keys(documented('PATCH', '/api/v1/municipalities/:kommunenummer').responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '412']),
    );
    expect(Object.keys(documented('GET', '/health/ready').responses).sort()).toEqual(['200', '400', '415', '431', '500', '503']);
  });

  it('has component schemas for problems and the main resources', () => {
    const { schemas } = spec.components;
    // One variant per error code, each with the members of every problem and its code's own.
    const variants = schemas.Problem?.oneOf ?? [];
    expect(variants.map((variant) => variant.properties?.code?.const).sort()).toEqual([...errorCodes].sort());
    for (const variant of variants) {
      expect(Object.keys(variant.properties ?? {})).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code', 'requestId']));
    }
    const variantOf = (code: string) => variants.find((variant) => variant.properties?.code?.const === code);
    expect(variantOf('validation_failed')?.properties).toHaveProperty('errors');
    expect(variantOf('already_exists')?.required).toContain('existingId');
    expect(variantOf('illegal_transition')?.required).toContain('allowed');
    expect(propertyNames(schemas.FieldError)).toEqual(expect.arrayContaining(['path', 'code', 'message', 'params']));
    expect(schemas.Municipality?.properties).toHaveProperty('kommunenummer');
    expect(schemas.Municipality?.properties).not.toHaveProperty('searchText');
    for (const name of ['User', 'ApiClient', 'CreatedApiClient', 'AuditEntry', 'Me', 'LoginResponse', 'Office', 'County']) {
      expect(schemas[name], name).toBeDefined();
    }
  });

  it('gives integrators an example of every main request body', () => {
    const { schemas } = spec.components;
    for (const name of [
      'UpdateMunicipalityRequest',
      'UpdateRegistrationRequest',
      'RegistrationTransitionRequest',
      'CreateDoctorRequest',
      'CreateSupervisorRequest',
      'CreateAgreementRequest',
      'AgreementTransitionRequest',
      'CreateAbsenceRequest',
      'CreateSupervisionRequest',
      'EndSupervisionRequest',
      'CreateGrantSchemeRequest',
      'UpdateGrantSchemeRequest',
      'CreateGrantApplicationRequest',
      'DraftFromAgreementsRequest',
      'UpdateGrantApplicationRequest',
      'GrantTransitionRequest',
    ]) {
      expect(schemas[name]?.examples?.length, name).toBeGreaterThan(0);
    }
  });

  it('resolves every reference', () => {
    const refs = JSON.stringify(spec).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    const headers = (spec.components.headers ?? {});
    for (const ref of new Set(refs)) {
      if (ref.startsWith('"$ref":"#/components/headers/')) {
        expect(headers[ref.slice('"$ref":"#/components/headers/'.length, -1)], ref).toBeDefined();
        continue;
      }
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
      expect(ref.startsWith('"$ref":"#/components/schemas/'), ref).toBe(true);
      expect(spec.components.schemas[name], ref).toBeDefined();
    }
  });

  it('names an absolute server URL (PUBLIC_BASE_URL) and a 500 problem on every operation', () => {
    expect(spec.servers).toEqual([expect.objectContaining({ url: 'http://localhost:3000', 'x-internal': false })]);
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.responses['500']?.content?.['application/problem+json']?.schema?.$ref, `${method} ${path}`).toBe('#/components/schemas/Problem');
      }
    }
  });

  it('documents the rate-limit headers on every answer of an authenticated operation, and Retry-After on 429', () => {
    for (const route of apiRoutes().filter((r) => !r.isPublic)) {
      const op = documented(route.method, route.url);
      for (const [status, response] of Object.entries(op.responses)) {
        const names = Object.keys((response as { headers?: object }).headers ?? {});
        if (/^[24]/.test(status)) expect(names, `${route.method} ${route.url} ${status}`).toEqual(expect.arrayContaining(['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']));
        if (status === '429') expect(names, `${route.method} ${route.url} 429`).toContain('Retry-After');
      }
    }
  });

  it('bounds every string, array and integer a request can send', () => {
    const unbounded: string[] = [];
    const visit = (node: unknown, where: string, seen: Set<unknown>): void => {
      if (Array.isArray(node)) { node.forEach((child, i) => visit(child, `${where}.${i}`, seen)); return; }
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      const schema = node as JsonSchema;
      if (schema.$ref) { visit(resolve(schema), `${where}→${schema.$ref}`, seen); return; }
      const types = ([] as unknown[]).concat(schema.type ?? []);
      if (types.includes('string') && schema.maxLength === undefined && schema.enum === undefined && schema.const === undefined) unbounded.push(where);
      if (types.includes('array') && schema.maxItems === undefined) unbounded.push(where);
      if (types.includes('integer') && !['int32', 'int64'].includes(String(schema.format))) unbounded.push(where);
      for (const [key, child] of Object.entries(schema)) visit(child, `${where}.${key}`, seen);
    };
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const raw = op as { parameters?: unknown[]; requestBody?: unknown };
        visit(raw.parameters, `${method} ${path} parameters`, new Set());
        visit(raw.requestBody, `${method} ${path} body`, new Set());
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('shows no password or secret hash in any response', () => {
    // `mustChangePassword` is a flag (the user holds a one-time password), not a password.
    const secretLike = (name: string) => /password|hash|secret/i.test(name) && name !== 'mustChangePassword';
    expect(propertyNames(spec.components.schemas.User).filter(secretLike)).toEqual([]);
    expect(propertyNames(spec.components.schemas.ApiClient).filter((name) => /secret|hash/i.test(name))).toEqual([]);
    expect(propertyNames(spec.components.schemas.CreatedApiClient).filter((name) => /secret|hash/i.test(name))).toEqual(['clientSecret']);

    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(op.responses)) {
          const names = Object.values(response.content ?? {}).flatMap((media) => propertyNames(media.schema));
          const risky = names.filter(secretLike);
          // The exceptions: a new client's secret and a new webhook's signing secret, shown once when made.
          const shownOnce: Record<string, string[]> = { '/api/v1/api-clients': ['clientSecret'], '/api/v1/webhooks': ['secret'] };
          const allowed = method === 'post' && status === '201' ? (shownOnce[path] ?? []) : [];
          expect(risky, `${method} ${path} ${status}`).toEqual(allowed);
        }
      }
    }
  });
});

describe('/api/docs', () => {
  it('serves the browsable documentation', async () => {
    const response = await http(t).get('/api/docs').redirects(2).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toMatch(/swagger/i);
  });
});
