import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { countyList, officeList } from '@alis/shared';
import { AUTHENTICATED, problems } from '../../lib/route-helpers.js';

/** Reference data every caller may read; it is small, so lists are whole. */
export async function referenceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { reference } = app.services;
  const tags = ['reference data'];

  app.get(
    '/offices',
    { schema: { tags, summary: 'The six regional ALIS offices', response: { 200: officeList, ...problems(...AUTHENTICATED) } } },
    () => reference.offices(),
  );

  app.get(
    '/counties',
    { schema: { tags, summary: 'Counties with health region and default ALIS office', response: { 200: countyList, ...problems(...AUTHENTICATED) } } },
    () => reference.counties(),
  );
}
