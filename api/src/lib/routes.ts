import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods, RouteHandlerMethod } from 'fastify';
import { type Page, type Role, type Scope, idParams } from '@alis/shared';
import { z } from 'zod';
import { invalidField } from './app-error.js';
import { expectedVersion } from './etag.js';
import type { Principal } from './principal.js';
import { type RequestContext, contextOf, requirePrincipal } from './request-context.js';
import { AUTHENTICATED, problems, sendVersioned } from './route-helpers.js';
import type { Versioned } from './versioned.js';

type Schema = z.ZodType | undefined;

const NO_QUERY = z.object({}).strict();

/** What a list whose pages are kept (`PageCache`) tells its callers. */
const KEPT_PAGES =
  'Pages carry an `ETag` (`Cache-Control: private, no-cache`): send it as `If-None-Match` to get 304 until the registry\'s ' +
  'data changes (any change, so a 200 may hold the same items); a poll that finds nothing new costs next to nothing.';

/** An operation that takes no body refuses one (an empty body, or none, is fine). */
function refuseBody(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) {
  const body: unknown = request.body;
  if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)) {
    done();
    return;
  }
  done(invalidField({ path: '', code: 'not_allowed', message: 'this operation takes no body', params: { reason: 'no_body' } }));
}
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
  /** Media types of the body, when not JSON (the route's plugin registers their parser). */
  consumes?: string[];
  /** Largest body in bytes, when not the app's 1 MiB. */
  bodyLimit?: number;
}

export type RouteRequest<P extends Schema, Q extends Schema, B extends Schema> = FastifyRequest<{
  Params: Out<P>;
  Querystring: Out<Q>;
  Body: Out<B>;
}>;
type Handler<P extends Schema, Q extends Schema, B extends Schema> = (request: RouteRequest<P, Q, B>, reply: FastifyReply) => unknown;

/** What the conventional operations of `resource` document; their schemas are the resource's. */
export type OperationDocs = Pick<RouteSpec<undefined, undefined, undefined>, 'summary' | 'description' | 'errors' | 'roles' | 'scope'>;

/** A resource's schemas: its representation, and those of the operations it has. */
export interface ResourceSchemas {
  resource: z.ZodType;
  page?: z.ZodType;
  query?: z.ZodType;
  create?: z.ZodType;
  update?: z.ZodType;
  transition?: z.ZodType;
}

/** The service methods behind the conventional operations (`read` is `get`), typed from the schemas. */
export interface ResourceService<S extends ResourceSchemas> {
  list(principal: Principal, query: Out<S['query']>): Promise<Page<unknown>>;
  /** Where the list's pages may be kept (`PageCache`): the key of a page (`scopedPageKey`), or null to compute it each time. */
  pageKey?(principal: Principal, query: Out<S['query']>): unknown[] | null;
  create(context: RequestContext, body: Out<S['create']>): Promise<Versioned<{ id: string }>>;
  get(principal: Principal, id: string): Promise<Versioned<unknown>>;
  update(context: RequestContext, id: string, body: Out<S['update']>, expected: number | undefined): Promise<Versioned<unknown>>;
  transition(context: RequestContext, id: string, body: Out<S['transition']>, expected: number | undefined): Promise<Versioned<unknown>>;
}

interface ServiceMethodOf {
  list: 'list';
  create: 'create';
  read: 'get';
  update: 'update';
  transition: 'transition';
}
type Operation = keyof ServiceMethodOf;

/**
 * The one way a resource declares its routes: tags and roles once, then per route its schemas,
 * success response and the problems it can answer with (which the OpenAPI test holds it to).
 * `list`, `read`, `create` and `change` carry the conventions of every resource (caller, ETag,
 * Location, If-Match); `get`, `post`, `patch` and `delete` are for routes that follow none.
 */
export function resourceRoutes(app: FastifyInstance, resource: { tags: string[]; roles?: readonly Role[] }) {
  const add =
    (method: HTTPMethods, implied: readonly number[] = []) =>
    <P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
      url: string,
      spec: RouteSpec<P, Q, B>,
      handler: Handler<P, Q, B>,
    ) => {
      // Strict everywhere: a query parameter the route does not know is 400, as is a body where it takes none.
      const inputs = Object.fromEntries(
        Object.entries({ params: spec.params, querystring: spec.querystring ?? NO_QUERY, body: spec.body }).filter(([, schema]) => schema !== undefined),
      );
      // Input is strict everywhere (400), public or not; the rest of AUTHENTICATED needs a caller.
      const errors = [...new Set([...(spec.public ? [400] : AUTHENTICATED), ...implied, ...(spec.errors ?? [])])];
      app.route({
        method,
        url,
        config: { roles: spec.roles ?? resource.roles, scope: spec.scope, public: spec.public },
        ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
        schema: {
          tags: resource.tags,
          ...(spec.consumes ? { consumes: spec.consumes } : {}),
          summary: spec.summary,
          ...(spec.description ? { description: spec.description } : {}),
          ...(spec.public ? { security: [] } : {}),
          ...inputs,
          response: { [spec.status ?? 200]: spec.response, ...problems(...errors) },
        },
        ...(spec.body === undefined && method !== 'GET' ? { preValidation: refuseBody } : {}),
        // The schemas above are what the handler's request is typed from.
        handler: handler as RouteHandlerMethod,
      });
    };
  const get = add('GET');
  const byId = add('GET', [404]);
  const post = add('POST');
  const change = (method: 'PATCH' | 'POST') => add(method, [404, 412]);
  const verbs = {
    get,
    post,
    patch: add('PATCH'),
    put: add('PUT'),
    delete: add('DELETE'),
    /**
     * A page of the resource, for the caller. With `keyOf`, pages are kept (`PageCache`, see there for
     * what a key must hold) and answered with an ETag; a null key computes the page each time.
     */
    list: <Q extends Schema, T>(
      url: string,
      spec: RouteSpec<undefined, Q, undefined>,
      load: (principal: Principal, request: RouteRequest<undefined, Q, undefined>) => Promise<Page<T>>,
      keyOf?: (principal: Principal, request: RouteRequest<undefined, Q, undefined>) => unknown[] | null,
    ) =>
      get(url, keyOf ? { ...spec, description: [spec.description, KEPT_PAGES].filter(Boolean).join('\n\n') } : spec, async (request, reply) => {
        const principal = requirePrincipal(request);
        const key = keyOf?.(principal, request);
        if (!key) return load(principal, request);
        return app.services.pages.send(request, reply, [url, ...key], () => load(principal, request));
      }),
    /** One resource by its path, for the caller (404 outside the scope), with its ETag. */
    read: <P extends Schema, Q extends Schema = undefined, T = unknown>(
      url: string,
      spec: RouteSpec<P, Q, undefined>,
      load: (principal: Principal, request: RouteRequest<P, Q, undefined>) => Promise<Versioned<T>>,
    ) => byId(url, spec, async (request, reply) => sendVersioned(reply, await load(requirePrincipal(request), request))),
    /** A new resource: 201 with its ETag and Location. */
    create: <P extends Schema, B extends Schema, T>(
      url: string,
      spec: RouteSpec<P, undefined, B>,
      make: (context: RequestContext, request: RouteRequest<P, undefined, B>) => Promise<Versioned<T>>,
      locationOf: (resource: T, request: RouteRequest<P, undefined, B>) => string,
    ) =>
      post(url, { status: 201, ...spec }, async (request, reply) => {
        const created = await make(contextOf(request), request);
        return sendVersioned(reply, created, { location: locationOf(created.resource, request) });
      }),
    /** A change to an existing resource (PATCH, or POST to its transitions), honouring If-Match; answers it with its new ETag. */
    change: <P extends Schema, B extends Schema, T, Q extends Schema = undefined>(
      method: 'PATCH' | 'POST',
      url: string,
      spec: RouteSpec<P, Q, B>,
      apply: (context: RequestContext, request: RouteRequest<P, Q, B>, expected: number | undefined) => Promise<Versioned<T>>,
    ) =>
      change(method)(url, spec, async (request, reply) =>
        sendVersioned(reply, await apply(contextOf(request), request, expectedVersion(request))),
      ),
  };
  return {
    ...verbs,
    /**
     * A collection at `path` with the operations documented in `operations`, each answered by the
     * service method of its name: `list` (GET path), `create` (POST path, Location `path/{id}`),
     * `read` (GET path/:id, the service's `get`), `update` (PATCH path/:id) and `transition`
     * (POST path/:id/transitions), with the conventions of the verbs above.
     */
    resource: <S extends ResourceSchemas, O extends Operation>(
      path: string,
      service: Pick<ResourceService<S>, ServiceMethodOf[O]>,
      schemas: S,
      operations: Record<O, OperationDocs>,
    ) => {
      // Only the operations given are registered, and `service` has the methods of those (its type says so).
      // Fastify types a generic route's request loosely; the schemas have checked what the casts below say.
      const methods = service as ResourceService<S>;
      const docs: Partial<Record<Operation, OperationDocs>> = operations;
      const byId = { url: `${path}/:id`, params: idParams };
      // An operation without the schema it answers or takes is a mistake in the declaration: refuse to start.
      const needed = (name: keyof ResourceSchemas) => {
        const schema = schemas[name];
        if (!schema) throw new Error(`${path}: the resource's operations need a ${name} schema`);
        return schema;
      };
      if (docs.list) {
        const pageKey = methods.pageKey?.bind(methods);
        verbs.list<S['query'], unknown>(
          path,
          { ...docs.list, querystring: schemas.query, response: needed('page') },
          (principal, request) => methods.list(principal, request.query as Out<S['query']>),
          pageKey && ((principal, request) => pageKey(principal, request.query as Out<S['query']>)),
        );
      }
      if (docs.create)
        verbs.create<undefined, S['create'], { id: string }>(
          path,
          { ...docs.create, body: needed('create'), response: schemas.resource },
          (context, request) => methods.create(context, request.body as Out<S['create']>),
          (created) => `/api/v1${path}/${created.id}`,
        );
      if (docs.read) verbs.read(byId.url, { ...docs.read, params: byId.params, response: schemas.resource }, (principal, request) => methods.get(principal, request.params.id));
      if (docs.update)
        verbs.change<typeof idParams, S['update'], unknown>('PATCH', byId.url, { ...docs.update, params: byId.params, body: needed('update'), response: schemas.resource }, (context, request, expected) =>
          methods.update(context, request.params.id, request.body as Out<S['update']>, expected),
        );
      if (docs.transition)
        verbs.change<typeof idParams, S['transition'], unknown>('POST', `${byId.url}/transitions`, { ...docs.transition, params: byId.params, body: needed('transition'), response: schemas.resource }, (context, request, expected) =>
          methods.transition(context, request.params.id, request.body as Out<S['transition']>, expected),
        );
    },
  };
}

export type ResourceRoutes = ReturnType<typeof resourceRoutes>;

/**
 * A module's routes as the plugin `app.ts` registers: tags and roles once, then `declare` adds the
 * routes, reaching the module's service through `services`.
 */
export function moduleRoutes(
  resource: { tags: string[]; roles?: readonly Role[] },
  declare: (route: ResourceRoutes, services: FastifyInstance['services'], app: FastifyInstance) => void | Promise<void>,
) {
  return async (app: FastifyInstance) => declare(resourceRoutes(app, resource), app.services, app);
}
