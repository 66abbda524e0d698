import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { STATUS_CODES } from 'node:http';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const PROBLEM_REF = '#/components/schemas/Problem';

/**
 * The zod transform, plus: problem responses are documented as `application/problem+json` (what
 * the API sends) and described by their status text rather than "Default Response".
 */
const transform: typeof jsonSchemaTransform = (input) => {
  const result = jsonSchemaTransform(input);
  const responses = (result.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!responses) return result;
  for (const [status, schema] of Object.entries(responses)) {
    if ((schema as { $ref?: unknown } | null)?.$ref !== PROBLEM_REF) continue;
    responses[status] = { description: STATUS_CODES[status] ?? 'Error', content: { 'application/problem+json': { schema } } };
  }
  return result;
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
/** Formats whose pattern fixes a string's length: the document states the length they enforce. */
const FORMAT_LENGTH: Record<string, number> = { uuid: 36, date: 10 };

/**
 * Limits every schema already has, stated where OpenAPI tools look for them: an integer's format
 * from its bounds (zod's `int()` is bounded to safe integers: int64; a tighter range fits int32), and
 * the length of strings whose format fixes it (uuid, date).
 */
function stateLimits(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) stateLimits(child);
    return;
  }
  if (!isObject(node)) return;
  const types = ([] as unknown[]).concat(node.type ?? []);
  if (types.includes('integer') && node.format === undefined) {
    const min = typeof node.minimum === 'number' ? node.minimum : -Infinity;
    const max = typeof node.maximum === 'number' ? node.maximum : Infinity;
    node.format = min >= INT32_MIN && max <= INT32_MAX ? 'int32' : 'int64';
  }
  const fixedLength = typeof node.format === 'string' ? FORMAT_LENGTH[node.format] : undefined;
  if (types.includes('string') && fixedLength !== undefined && node.maxLength === undefined) node.maxLength = fixedLength;
  for (const child of Object.values(node)) stateLimits(child);
}

/**
 * Drops zod's input variants (`…Input`) of schemas that only responses use (nothing in the paths
 * reaches them), and every component's `$id` and `$schema`: inside the document a component is named
 * by its place, and `$id` fragments are not valid there.
 */
function dropUnreachableSchemas(document: Json): void {
  const components = document.components as { schemas?: Json } | undefined;
  const schemas = components?.schemas;
  if (!components || !schemas) return;
  const reached = new Set<string>();
  const pending = [JSON.stringify(document.paths)];
  for (let text = pending.pop(); text !== undefined; text = pending.pop()) {
    for (const match of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      const name = match[1] as string;
      if (reached.has(name)) continue;
      reached.add(name);
      pending.push(JSON.stringify(schemas[name]));
    }
  }
  const unreachableInput = (name: string) => !reached.has(name) && name.endsWith('Input') && schemas[name.slice(0, -'Input'.length)] !== undefined;
  components.schemas = Object.fromEntries(
    Object.entries(schemas)
      .filter(([name]) => !unreachableInput(name))
      .map(([name, schema]) => {
        const { $id: _id, $schema: _schema, ...rest } = schema as Json;
        return [name, rest];
      }),
  );
}

const header = (description: string, schema: Json) => ({ description, schema });
/** Response headers, defined once and referred to from every response that carries them. */
const RESPONSE_HEADERS = {
  'RateLimit-Limit': header('Requests the caller may make in the current one-minute window (`API_RATE_LIMIT_PER_MINUTE`, per instance). Sent on every answer to a request with a valid access token.', { type: 'integer', format: 'int32', minimum: 1, maximum: INT32_MAX }),
  'RateLimit-Remaining': header('Requests left in the current window.', { type: 'integer', format: 'int32', minimum: 0, maximum: INT32_MAX }),
  'RateLimit-Reset': header('Seconds until the window starts again.', { type: 'integer', format: 'int32', minimum: 1, maximum: 60 }),
  'Retry-After': header('Seconds to wait before trying again.', { type: 'integer', format: 'int32', minimum: 1, maximum: 86_400 }),
  'Access-Control-Allow-Origin': header('Sent only when the request comes from a browser origin listed in `CORS_ORIGINS` (none by default).', { type: 'string', maxLength: 2000 }),
} as const;
const headerRef = (name: keyof typeof RESPONSE_HEADERS) => ({ $ref: `#/components/headers/${name}` });
const PROBLEM_CONTENT = { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } };

/**
 * What every operation can answer, documented on each: 500 (a problem, never internals); the caller's
 * rate-limit headers on every answer of an authenticated operation (a public one is limited per
 * address, see the ruleset); Retry-After on 429 and 503; the CORS header wherever headers are listed.
 */
function documentCommonResponses(document: Json): void {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Json>>;
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      const responses = operation.responses as Record<string, Json>;
      responses['500'] ??= { description: STATUS_CODES[500], content: PROBLEM_CONTENT };
      const authenticated = operation.security === undefined;
      for (const [status, response] of Object.entries(responses)) {
        const headers: Json = { ...(response.headers as Json | undefined) };
        if (authenticated && /^[24]/.test(status)) {
          Object.assign(headers, {
            'RateLimit-Limit': headerRef('RateLimit-Limit'),
            'RateLimit-Remaining': headerRef('RateLimit-Remaining'),
            'RateLimit-Reset': headerRef('RateLimit-Reset'),
          });
        }
        if (status === '429' || status === '503') headers['Retry-After'] = headerRef('Retry-After');
        if (Object.keys(headers).length === 0) continue;
        headers['Access-Control-Allow-Origin'] = headerRef('Access-Control-Allow-Origin');
        response.headers = headers;
      }
    }
  }
  const components = (document.components ??= {}) as Json;
  components.headers = { ...(components.headers as Json | undefined), ...structuredClone(RESPONSE_HEADERS) };
}

/** The finished document: the zod components, then what the API states about every operation. */
const transformObject: typeof jsonSchemaTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as unknown as Json;
  dropUnreachableSchemas(document);
  stateLimits(document.paths);
  stateLimits(document.components);
  documentCommonResponses(document);
  // The API is public (municipalities' HR systems call it): tools that hide internal servers must not.
  for (const server of (document.servers ?? []) as Json[]) server['x-internal'] = false;
  return document;
};

const JWT_DESCRIPTION =
  'A JWT signed with HS256 only (no other algorithm, never `none`), with issuer and expiry checked on every request, ' +
  'following the JWT best current practices of RFC8725. Access tokens live `ACCESS_TOKEN_TTL_SECONDS` (15 minutes by default).';

export default fp(
  async (app: FastifyInstance) => {
    const baseUrl = app.config.PUBLIC_BASE_URL;
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'ALIS registry API',
          version: '1.0.0',
          description:
            'Registry of specialist training in general practice (ALIS) for the regional ALIS offices, municipal HR systems and Helsedirektoratet. ' +
            'Errors are RFC 9457 problem details with a stable `code`. Lists use cursor pagination. ' +
            'Single resources carry an ETag; PATCH honours If-Match (412 when stale). POST honours Idempotency-Key.',
        },
        servers: [
          {
            url: baseUrl,
            description: app.config.NODE_ENV === 'production' ? 'This production deployment (PUBLIC_BASE_URL)' : 'Local development server (PUBLIC_BASE_URL)',
          },
        ],
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: `Staff and clients. ${JWT_DESCRIPTION}` },
            oauth2: {
              type: 'oauth2',
              description: `OAuth 2.0 client credentials (RFC 6749 § 4.4) for machine clients. ${JWT_DESCRIPTION}`,
              flows: { clientCredentials: { tokenUrl: `${baseUrl}/api/v1/oauth/token`, scopes: { read: 'Read', write: 'Write', decide: 'Decide' } } },
            },
          },
        },
        security: [{ bearer: [] }],
      },
      transform,
      transformObject,
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
    await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  },
  { name: 'openapi', dependencies: ['core'] },
);
