import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listMunicipalitiesQuery, municipality, municipalityParams, pageOf, updateMunicipalityRequest } from '@alis/shared';
import { expectedVersion } from '../../lib/etag.js';
import { contextOf, requirePrincipal } from '../../lib/request-context.js';
import { AUTHENTICATED, problems, sendVersioned } from '../../lib/route-helpers.js';

export async function municipalityRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = app.services.municipalities;
  const tags = ['municipalities'];

  app.get(
    '/municipalities',
    {
      schema: {
        tags,
        summary: 'List municipalities in the caller\'s scope',
        description: '`q` matches number or name ignoring case and accents ("heroy" finds both Herøy).',
        querystring: listMunicipalitiesQuery,
        response: { 200: pageOf(municipality), ...problems(...AUTHENTICATED) },
      },
    },
    async (request) => service.list(requirePrincipal(request), request.query),
  );

  app.get(
    '/municipalities/:kommunenummer',
    {
      schema: {
        tags,
        summary: 'Get a municipality\'s master data',
        params: municipalityParams,
        response: { 200: municipality, ...problems(...AUTHENTICATED, 404) },
      },
    },
    async (request, reply) => sendVersioned(reply, await service.get(requirePrincipal(request), request.params.kommunenummer)),
  );

  app.patch(
    '/municipalities/:kommunenummer',
    {
      schema: {
        tags,
        summary: 'Change a municipality\'s master data',
        description:
          'Send `If-Match` with the ETag you read; 412 means someone changed it since. Office users cannot change `officeCode` (admin only); ' +
          'a municipality\'s own client may change only its contact person.',
        params: municipalityParams,
        body: updateMunicipalityRequest,
        response: { 200: municipality, ...problems(...AUTHENTICATED, 404, 412) },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.update(contextOf(request), request.params.kommunenummer, request.body, expectedVersion(request))),
  );
}
