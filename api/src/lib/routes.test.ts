import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { pageOf } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ResourceService, resourceRoutes } from './routes.js';

const thing = z.object({ id: z.uuid(), name: z.string() }).strict();
const schemas = { resource: thing, page: pageOf(thing), create: z.object({ name: z.string() }).strict() };

const service = {
  list: () => Promise.resolve({ items: [], nextCursor: null, total: { count: 0, exact: true } }),
  create: () => Promise.resolve({ resource: { id: '00000000-0000-4000-8000-000000000000' }, version: 1 }),
} satisfies Pick<ResourceService<typeof schemas>, 'list' | 'create'>;

const appWithCompilers = () => {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app;
};

describe('resource()', () => {
  it('refuses to start when an operation lacks the schema it answers with or takes', async () => {
    const app = appWithCompilers();
    const route = resourceRoutes(app, { tags: ['things'] });
    expect(() => route.resource('/things', service, { resource: thing }, { list: { summary: 'List things' } })).toThrow(
      '/things: the resource\'s operations need a page schema',
    );
    expect(() => route.resource('/things', service, { resource: thing, page: schemas.page }, { create: { summary: 'Add a thing' } })).toThrow(
      '/things: the resource\'s operations need a create schema',
    );
    await app.close();
  });

  it('registers exactly the operations it is given, each with its conventional method and path', async () => {
    const app = appWithCompilers();
    resourceRoutes(app, { tags: ['things'] }).resource('/things', service, schemas, {
      list: { summary: 'List things' },
      create: { summary: 'Add a thing' },
    });
    await app.ready();
    expect(app.hasRoute({ method: 'GET', url: '/things' })).toBe(true);
    expect(app.hasRoute({ method: 'POST', url: '/things' })).toBe(true);
    expect(app.hasRoute({ method: 'GET', url: '/things/:id' })).toBe(false);
    expect(app.hasRoute({ method: 'PATCH', url: '/things/:id' })).toBe(false);
    expect(app.hasRoute({ method: 'POST', url: '/things/:id/transitions' })).toBe(false);
    await app.close();
  });
});
