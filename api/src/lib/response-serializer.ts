import fastJson from 'fast-json-stringify';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The JSON Schema as fast-json-stringify writes it without validating anything at run time:
 * - `anyOf [X, null]` (how a nullable comes out of zod) folded into X with `null` among its types;
 * - `anyOf` of objects (a person in full, or a reference to one) merged into one object with every
 *   branch's properties, required where all branches require them: it writes what the value holds
 *   of those properties, and never one that no branch declares.
 * Otherwise fast-json-stringify compiles a validator per branch and runs it on every value.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!isObject(node)) return node;
  const simplified: JsonSchema = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, simplify(value)]));
  const branches: unknown = simplified.anyOf;
  if (!Array.isArray(branches)) return simplified;
  const rest = Object.fromEntries(Object.entries(simplified).filter(([key]) => key !== 'anyOf'));
  const other: unknown = branches.find((branch) => !(isObject(branch) && branch.type === 'null'));
  if (branches.length === 2 && branches.some((branch) => isObject(branch) && branch.type === 'null') && isObject(other) && typeof other.type === 'string') {
    return { ...rest, ...other, type: [other.type, 'null'] };
  }
  const objects = branches.filter((branch): branch is JsonSchema & { properties: JsonSchema } => isObject(branch) && branch.type === 'object' && isObject(branch.properties));
  if (objects.length === branches.length) {
    const properties: JsonSchema = {};
    for (const branch of objects) {
      for (const [name, property] of Object.entries(branch.properties)) {
        if (name in properties && JSON.stringify(properties[name]) !== JSON.stringify(property)) return simplified;
        properties[name] = property;
      }
    }
    const requiredBy = objects.map((branch) => new Set(Array.isArray(branch.required) ? (branch.required as string[]) : []));
    const required = Object.keys(properties).filter((name) => requiredBy.every((names) => names.has(name)));
    return { ...rest, type: 'object', properties, required, additionalProperties: false };
  }
  return simplified;
}

type Serialize = (data: unknown) => string;
const compiled = new WeakMap<z.ZodType, Serialize>();

/**
 * Fastify's serializer for the response schemas (zod), compiled once per schema (every route's
 * problem responses share one) into a fast-json-stringify function from the schema's JSON Schema.
 * It writes only the properties the schema declares, so a field the contract does not name never
 * leaves the API, and fails (500) when one it requires is missing; validating every response with
 * zod on the way out costs several times more on a page of 50. A schema that is a union at its root
 * (the problem details, one variant per code) is validated by zod and written by JSON.stringify:
 * fast-json-stringify would compile a validator for every variant, for responses that are rare.
 * Tests check responses against the same schemas (bodyOf, and the fuzz test against the served
 * OpenAPI document).
 */
export function serializerCompiler({ schema }: { schema: unknown }): Serialize {
  if (!(schema instanceof z.ZodType)) throw new TypeError('response schemas are zod schemas');
  const known = compiled.get(schema);
  if (known) return known;
  // An empty registry: every schema inlined, none moved to $defs by its id.
  const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any', metadata: z.registry() });
  const serialize: Serialize =
    'anyOf' in json || 'oneOf' in json
      ? (data) => JSON.stringify(schema.parse(data))
      : fastJson(simplify(json) as Parameters<typeof fastJson>[0]);
  compiled.set(schema, serialize);
  return serialize;
}
