import { listMunicipalitiesQuery, municipality, municipalityParams, pageOf, updateMunicipalityRequest } from '@alis/shared';
import { moduleRoutes } from '../../lib/routes.js';

export const municipalityRoutes = moduleRoutes({ tags: ['municipalities'] }, (route, { municipalities: service }) => {
  route.list(
    '/municipalities',
    {
      summary: 'List municipalities in the caller\'s scope',
      description: '`q` matches number or name ignoring case and accents ("heroy" finds both Herøy).',
      querystring: listMunicipalitiesQuery,
      response: pageOf(municipality),
    },
    (principal, request) => service.list(principal, request.query),
    (principal, request) => service.pageKey(principal, request.query),
  );

  route.read(
    '/municipalities/:kommunenummer',
    {
      summary: 'Get a municipality\'s master data',
      params: municipalityParams,
      response: municipality,
    },
    (principal, request) => service.get(principal, request.params.kommunenummer),
  );

  route.change(
    'PATCH',
    '/municipalities/:kommunenummer',
    {
      summary: 'Change a municipality\'s master data',
      description:
        'Send `If-Match` with the ETag you read; 412 means someone changed it since. Office users cannot change `officeCode` (admin only); ' +
        'a municipality\'s own client may change only its contact person. An `organisationNumber` another municipality holds is 409 ' +
        '`already_exists` naming it in `existingId` (a Maskinporten token names its municipality by this number).',
      params: municipalityParams,
      body: updateMunicipalityRequest,
      response: municipality,
      errors: [409],
    },
    (context, request, expected) => service.update(context, request.params.kommunenummer, request.body, expected),
  );
});
