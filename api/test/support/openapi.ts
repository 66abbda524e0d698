import { z } from 'zod';

/**
 * The OpenAPI document as far as the tests read it. No schema of the contract describes it, so it
 * is described here; every other member is kept as it is (loose objects), so `bodyOf` still sees
 * the whole document.
 */
export interface JsonSchema {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  examples?: unknown[];
  [member: string]: unknown;
}

export const jsonSchema: z.ZodType<JsonSchema> = z.lazy(() =>
  z.looseObject({
    $ref: z.string().optional(),
    properties: z.record(z.string(), jsonSchema).optional(),
    items: jsonSchema.optional(),
    required: z.array(z.string()).optional(),
    oneOf: z.array(jsonSchema).optional(),
    anyOf: z.array(jsonSchema).optional(),
    allOf: z.array(jsonSchema).optional(),
    const: z.unknown().optional(),
    examples: z.array(z.unknown()).optional(),
  }),
);

const mediaTypes = z.record(z.string(), z.looseObject({ schema: jsonSchema.optional() }));

export const operation = z.looseObject({
  tags: z.array(z.string()).optional(),
  security: z.array(z.unknown()).optional(),
  requestBody: z.looseObject({ content: mediaTypes.optional() }).optional(),
  responses: z.record(z.string(), z.looseObject({ description: z.string().optional(), content: mediaTypes.optional() })),
});
export type Operation = z.infer<typeof operation>;

export const openApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  servers: z.array(z.looseObject({ url: z.string() })).optional(),
  paths: z.record(z.string(), z.record(z.string(), operation)),
  components: z.looseObject({
    schemas: z.record(z.string(), jsonSchema),
    securitySchemes: z.record(z.string(), z.unknown()),
    headers: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type OpenApiDocument = z.infer<typeof openApiDocument>;
