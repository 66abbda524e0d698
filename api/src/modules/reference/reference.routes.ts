import type { FastifyInstance } from 'fastify';
import { countyList, officeList } from '@alis/shared';
import { resourceRoutes } from '../../lib/routes.js';

/** Reference data every caller may read; it is small, so lists are whole. */
export async function referenceRoutes(app: FastifyInstance) {
  const { reference } = app.services;
  const route = resourceRoutes(app, { tags: ['reference data'] });
  route.get('/offices', { summary: 'The six regional ALIS offices', response: officeList }, () => reference.offices());
  route.get('/counties', { summary: 'Counties with health region and default ALIS office', response: countyList }, () => reference.counties());
}
