import type { FastifyInstance } from 'fastify';
import { listMunicipalitiesQuery, municipality, municipalityParams, pageOf, updateMunicipalityRequest } from '@alis/shared';
import { expectedVersion } from '../../lib/etag.js';
import { contextOf, requirePrincipal } from '../../lib/request-context.js';
import { sendVersioned } from '../../lib/route-helpers.js';
import { resourceRoutes } from '../../lib/routes.js';

export async function municipalityRoutes(app: FastifyInstance) {
  const service = app.services.municipalities;
  const route = resourceRoutes(app, { tags: ['municipalities'] });

  route.get(
    '/municipalities',
    {
      summary: 'List municipalities in the caller\'s scope',
      description: '`q` matches number or name ignoring case and accents ("heroy" finds both Herøy).',
      querystring: listMunicipalitiesQuery,
      response: pageOf(municipality),
    },
    async (request) => service.list(requirePrincipal(request), request.query),
  );

  route.get(
    '/municipalities/:kommunenummer',
    {
      summary: 'Get a municipality\'s master data',
      params: municipalityParams,
      response: municipality,
      errors: [404],
    },
    async (request, reply) => sendVersioned(reply, await service.get(requirePrincipal(request), request.params.kommunenummer)),
  );

  route.patch(
    '/municipalities/:kommunenummer',
    {
      summary: 'Change a municipality\'s master data',
      description:
        'Send `If-Match` with the ETag you read; 412 means someone changed it since. Office users cannot change `officeCode` (admin only); ' +
        'a municipality\'s own client may change only its contact person.',
      params: municipalityParams,
      body: updateMunicipalityRequest,
      response: municipality,
      errors: [404, 412],
    },
    async (request, reply) =>
      sendVersioned(reply, await service.update(contextOf(request), request.params.kommunenummer, request.body, expectedVersion(request))),
  );
}
