import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods, RouteHandlerMethod } from 'fastify';
import type { Role, Scope } from '@alis/shared';
import type { z } from 'zod';
import { AUTHENTICATED, problems } from './route-helpers.js';

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route declares: its OpenAPI entry, its input schemas and who may call it. */
export interface RouteSpec<P extends Schema, Q extends Schema, B extends Schema> {
  summary: string;
  description?: string;
  params?: P;
  querystring?: Q;
  body?: B;
  /** The success response's schema, sent with `status` (200 unless given). */
  response: z.ZodType;
  status?: 200 | 201 | 204;
  /** Problem statuses besides those every authenticated route has (400, 401, 403, 429). */
  errors?: readonly number[];
  /** Roles allowed; the resource's roles when absent. */
  roles?: readonly Role[];
  scope?: Scope;
  /** No access token needed (login, refresh, logout); only the statuses in `errors` are documented. */
  public?: boolean;
}

export type RouteRequest<P extends Schema, Q extends Schema, B extends Schema> = FastifyRequest<{
  Params: Out<P>;
  Querystring: Out<Q>;
  Body: Out<B>;
}>;
type Handler<P extends Schema, Q extends Schema, B extends Schema> = (request: RouteRequest<P, Q, B>, reply: FastifyReply) => unknown;

/**
 * The one way a resource declares its routes: tags and roles once, then per route its schemas,
 * success response and the problems it can answer with (which the OpenAPI test holds it to).
 */
export function resourceRoutes(app: FastifyInstance, resource: { tags: string[]; roles?: readonly Role[] }) {
  const add =
    (method: HTTPMethods) =>
    <P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
      url: string,
      spec: RouteSpec<P, Q, B>,
      handler: Handler<P, Q, B>,
    ) => {
      const inputs = Object.fromEntries(
        Object.entries({ params: spec.params, querystring: spec.querystring, body: spec.body }).filter(([, schema]) => schema !== undefined),
      );
      const errors = spec.public ? (spec.errors ?? []) : [...AUTHENTICATED, ...(spec.errors ?? [])];
      app.route({
        method,
        url,
        config: { roles: spec.roles ?? resource.roles, scope: spec.scope, public: spec.public },
        schema: {
          tags: resource.tags,
          summary: spec.summary,
          ...(spec.description ? { description: spec.description } : {}),
          ...(spec.public ? { security: [] } : {}),
          ...inputs,
          response: { [spec.status ?? 200]: spec.response, ...problems(...errors) },
        },
        // The schemas above are what the handler's request is typed from.
        handler: handler as RouteHandlerMethod,
      });
    };
  return { get: add('GET'), post: add('POST'), patch: add('PATCH'), delete: add('DELETE') };
}
