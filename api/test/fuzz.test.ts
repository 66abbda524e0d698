import { randomUUID } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, directorate, heroyClient, nordOffice, t, useCast } from './support/cast.js';
import { createUser, http } from './support/factories.js';
import { insertAgreement, insertDoctor, insertSupervision, insertSupervisor } from './support/rows.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

/**
 * Bad requests generated from the served OpenAPI document, for every operation (fast-check): the
 * API must never answer 5xx, nor with a status its document does not list, nor with a body that
 * breaks the documented schema (ajv). Bounded in time; seeded with inputs that once gave a 500.
 */
useCast();

const BUDGET_MS = Number(process.env.FUZZ_SECONDS ?? (TEST_DATABASE_URL ? 50 : 30)) * 1000;
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020;

type JsonSchema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: { contentType: string; example: unknown } | null;
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

/** What one generated request is made of. */
interface RequestPlan {
  caller: 'admin' | 'office' | 'municipality' | 'directorate' | 'none' | 'invalid';
  params: Record<string, string>;
  query: Record<string, string>;
  body: { raw: string } | { json: unknown } | null;
  headers: Record<string, string>;
}

const NASTY = [
  '', ' ', 'a'.repeat(300), '0000-01-01', '9999-12-31', '2024-02-30', '1899-12-31', '\u0000', '\ud800', '\udfff', 'x\u202e',
  '💥🚑', 'ÆØÅ æøå', '../../etc/passwd', "' or 1=1 --", '<script>alert(1)</script>', '%', '%00', '99999999999999999999',
  '9223372036854775808', '-1', '1e309', 'null', 'true', '[]', '{}', '0301', '1818', '01', randomUUID(), 'v1', '"v1"',
];
const nastyString = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 0.5),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);

let spec: { paths: Record<string, Record<string, JsonSchema>>; components: { schemas: Record<string, JsonSchema> } };
let ajv: Ajv2020;
const fixtures: Record<string, string> = {};

/** The schema with its references pointing into the document registered with ajv. */
const rooted = (schema: JsonSchema): JsonSchema =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"urn:alis:openapi#/components/schemas/')) as JsonSchema;

const validators = new Map<string, ValidateFunction>();
function validatorFor(key: string, schema: JsonSchema): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(rooted(schema));
    validators.set(key, validate);
  }
  return validate;
}

function operations(): Operation[] {
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const requestBody = operation.requestBody as { content: Record<string, { schema?: JsonSchema }> } | undefined;
      const [contentType, media] = Object.entries(requestBody?.content ?? {})[0] ?? [];
      const ref = (media?.schema?.$ref as string | undefined)?.replace('#/components/schemas/', '');
      const component = ref ? spec.components.schemas[ref] : undefined;
      const example = (component?.examples as unknown[] | undefined)?.[0] ?? {};
      found.push({
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters as Parameter[] | undefined) ?? [],
        body: contentType ? { contentType, example } : null,
        responses: operation.responses as Operation['responses'],
      });
    }
  }
  return found;
}

/** A value for a path parameter: mostly an id of something that exists, sometimes garbage. */
function pathValue(name: string): fc.Arbitrary<string> {
  const real = fixtures[name];
  // An empty or dot segment would be another operation's URL (`/doctors/` and `/doctors/.` are the
  // list, `..` the parent), not a value of this one.
  const garbage = nastyString.filter((value) => !['', '.', '..'].includes(value));
  return real ? fc.oneof({ arbitrary: fc.constant(real), weight: 3 }, { arbitrary: garbage, weight: 1 }) : garbage;
}

function planFor(operation: Operation): fc.Arbitrary<RequestPlan> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryNames = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  // `{id}` is the id of the resource the path names (`/users/{id}` a user's); other names stand for themselves.
  const params = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(p.name === 'id' ? `id:${operation.path.split('/')[3] ?? ''}` : p.name)])));
  const query = fc.dictionary(fc.oneof(fc.constantFrom(...(queryNames.length ? queryNames : ['limit'])), fc.constantFrom('version', 'expand', 'x')), nastyString, { maxKeys: 3 });
  const example = operation.body?.example;
  const body: fc.Arbitrary<RequestPlan['body']> = operation.body
    ? fc.oneof(
        fc.constant({ json: example }),
        mutated(example),
        nastyJson.map((json) => ({ json })),
        fc.constantFrom(
          { raw: '{"unterminated": ' },
          { raw: `${'['.repeat(5_000)}${']'.repeat(5_000)}` },
          { raw: '{"name":"\\ud800"}' },
          { raw: '' },
        ),
      )
    : fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: nastyJson.map((json) => ({ json })), weight: 1 });
  const headers = fc.record(
    {
      'if-match': fc.constantFrom('"v1"', '"v999"', '*', 'W/"v1"', 'garbage'),
      'idempotency-key': fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('', 'ø', 'k'.repeat(300))),
      'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
      'content-encoding': fc.constantFrom('gzip', 'br', 'identity'),
    },
    { requiredKeys: [] },
  );
  const caller = fc.constantFrom<RequestPlan['caller']>('admin', 'admin', 'office', 'municipality', 'directorate', 'none', 'invalid');
  return fc.record({ caller, params, query, body, headers });
}

/** The example body with one thing wrong: a field replaced, removed, or added. */
function mutated(example: unknown): fc.Arbitrary<RequestPlan['body']> {
  if (!example || typeof example !== 'object' || Array.isArray(example)) return nastyJson.map((json) => ({ json }));
  const fields = Object.keys(example);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...(fields.length ? fields : ['x'])), nastyJson).map(([field, value]) => ({ json: { ...example, [field]: value } })),
    fc.constantFrom(...(fields.length ? fields : ['x'])).map((field) => ({ json: Object.fromEntries(Object.entries(example).filter(([key]) => key !== field)) })),
    fc.tuple(nastyString, nastyJson).map(([field, value]) => ({ json: { ...example, [`extra${field}`]: value } })),
  );
}

/** The inputs that once gave a 500, as requests every operation gets (where they apply). */
function seeds(operation: Operation): RequestPlan[] {
  const base: RequestPlan = { caller: 'admin', params: {}, query: {}, body: null, headers: {} };
  for (const p of operation.parameters.filter((p) => p.in === 'path')) base.params[p.name] = fixtures[p.name === 'id' ? `id:${operation.path.split('/')[3] ?? ''}` : p.name] ?? 'x';
  const withBody = (body: RequestPlan['body'], headers: Record<string, string> = {}) => ({ ...base, body, headers: { 'content-type': 'application/json', ...headers } });
  const plans: RequestPlan[] = [
    { ...base, query: { version: '1' } },
    { ...base, query: { cursor: Buffer.from(JSON.stringify({ id: '99999999999999999999', s: '0000-01-01', k: '0301', i: randomUUID() })).toString('base64url') } },
    { ...base, query: { endsBefore: '0000-01-01', from: '0000-01-01' } },
    ...operation.parameters.filter((p) => p.in === 'path').map((p) => ({ ...base, params: { ...base.params, [p.name]: 'a'.repeat(150) } })),
    withBody({ json: { reason: 'a body where none is taken' } }),
  ];
  if (operation.body && operation.body.example && typeof operation.body.example === 'object') {
    const example = operation.body.example as Record<string, unknown>;
    const everyField = (value: unknown) => Object.fromEntries(Object.keys(example).map((key) => [key, value]));
    plans.push(
      withBody({ json: everyField('0000-01-01') }),
      withBody({ json: everyField('9999-12-31') }),
      withBody({ raw: JSON.stringify(everyField('x')).replaceAll('"x"', '"\\ud800"') }),
      withBody({ raw: `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}` }, { 'idempotency-key': 'deep-nesting' }),
      withBody({ json: example }, { 'content-encoding': 'gzip' }),
    );
  }
  return plans;
}

const authFor = (caller: RequestPlan['caller']): Record<string, string> => {
  switch (caller) {
    case 'admin':
      return admin.auth;
    case 'office':
      return nordOffice.auth;
    case 'municipality':
      return heroyClient.auth;
    case 'directorate':
      return directorate.auth;
    case 'invalid':
      return { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.invalid' };
    case 'none':
      return {};
  }
};

/** `undefined` has no JSON: sent as nothing at all. */
const jsonText = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value));

/** A path segment as a client would send it; text no URL can hold (a lone surrogate) as the bytes a careless one sends. */
function percentEncoded(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

async function send(operation: Operation, plan: RequestPlan) {
  const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => percentEncoded(plan.params[name] ?? 'x'));
  const headers: Record<string, string> = { ...plan.headers, ...authFor(plan.caller) };
  let payload: string | undefined;
  if (plan.body && 'raw' in plan.body) payload = plan.body.raw;
  else if (plan.body) payload = jsonText(plan.body.json);
  if (payload !== undefined) headers['content-type'] ??= operation.body?.contentType ?? 'application/json';
  return t.app.inject({ method: operation.method as 'GET', url, query: plan.query, headers, ...(payload !== undefined ? { payload } : {}) });
}

/** What is wrong with a response by the document; null when nothing. */
function breach(operation: Operation, response: Awaited<ReturnType<typeof send>>): string | null {
  const status = String(response.statusCode);
  if (response.statusCode >= 500) return `answered ${status}: ${response.body}`;
  const documented = operation.responses[status];
  if (!documented) return `answered ${status}, which the document does not list (${Object.keys(operation.responses).join(', ')})`;
  const content = documented.content;
  if (!content) return response.body === '' ? null : `answered ${status} with a body the document does not describe`;
  const contentType = String(response.headers['content-type'] ?? '').split(';')[0] ?? '';
  const media = content[contentType];
  if (!media?.schema) return `answered ${status} as ${contentType}, documented as ${Object.keys(content).join(', ')}`;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return `answered ${status} with a body that is not JSON`;
  }
  const validate = validatorFor(`${operation.method} ${operation.path} ${status} ${contentType}`, media.schema);
  return validate(body) ? null : `answered ${status} with a body that breaks its schema: ${ajv.errorsText(validate.errors)}`;
}

beforeAll(async () => {
  spec = (await http(t).get('/api/openapi.json').expect(200)).body as typeof spec;
  ajv = addFormats(new Ajv2020({ strict: false, allErrors: true, validateFormats: true }));
  const components = Object.fromEntries(
    Object.entries(spec.components.schemas).map(([name, schema]) => {
      const { $id: _id, $schema: _schema, ...rest } = schema;
      return [name, rest];
    }),
  );
  ajv.addSchema({ $id: 'urn:alis:openapi', components: { schemas: components } });

  // Things to point path parameters at, made for the fuzzer alone (so it cannot lock out the cast).
  const doctor = await insertDoctor(t);
  const supervisor = await insertSupervisor(t);
  const agreement = await insertAgreement(t, { doctorId: doctor.id, kommunenummer: '1818' });
  const supervision = await insertSupervision(t, { agreementId: agreement.id, supervisorId: supervisor.id, from: '2026-01-01' });
  const absence = await http(t).post(`/api/v1/agreements/${agreement.id}/absences`).set(admin.auth).send({ kind: 'leave', from: '2026-03-01', to: '2026-03-10' });
  const user = await createUser(t, { role: 'office', officeCode: 'midt' });
  const client = await http(t).post('/api/v1/api-clients').set(admin.auth).send({ name: 'Fuzz', role: 'directorate' }).expect(201);
  const grantApplication = await http(t)
    .post('/api/v1/grant-applications')
    .set(admin.auth)
    .send({ kommunenummer: '1818', schemeCode: 'nasjonal-alis-2026', lines: [{ agreementId: agreement.id, doctorId: doctor.id, lineType: 'gp', positionPercent: 100, months: 12 }] })
    .expect(201);
  Object.assign(fixtures, {
    absenceId: (absence.body as { id?: string }).id ?? randomUUID(),
    supervisionId: supervision.id,
    kommunenummer: '1818',
    'id:users': user.id,
    'id:api-clients': (client.body as { id: string }).id,
    'id:doctors': doctor.id,
    'id:supervisors': supervisor.id,
    'id:agreements': agreement.id,
    'id:grant-applications': (grantApplication.body as { id: string }).id,
    code: 'nasjonal-alis-2026',
  });
});

describe('every operation, fed generated bad requests', () => {
  it(
    'never answers 5xx, an undocumented status or a body that breaks its schema',
    async () => {
      const all = operations();
      expect(all.length).toBeGreaterThanOrEqual(40);
      const perOperation = Math.floor(BUDGET_MS / all.length);
      const failures: string[] = [];
      let sent = 0;
      for (const operation of all) {
        const where = `${operation.method} ${operation.path}`;
        for (const plan of seeds(operation)) {
          sent += 1;
          const problem = breach(operation, await send(operation, plan));
          if (problem) failures.push(`${where} (seed ${JSON.stringify(plan).slice(0, 300)}): ${problem}`);
        }
        const result = await fc.check(
          fc.asyncProperty(planFor(operation), async (plan) => {
            sent += 1;
            const problem = breach(operation, await send(operation, plan));
            if (problem) throw new Error(problem);
          }),
          { numRuns: 10_000, interruptAfterTimeLimit: perOperation, markInterruptAsFailure: false, seed: 4219, endOnFailure: true },
        );
        if (result.failed) failures.push(`${where}: ${String(result.errorInstance)} — counterexample ${JSON.stringify(result.counterexample).slice(0, 400)}`);
      }
      console.info(`fuzz: ${sent} requests over ${all.length} operations`);
      expect(failures).toEqual([]);
    },
    BUDGET_MS + 120_000,
  );
});
