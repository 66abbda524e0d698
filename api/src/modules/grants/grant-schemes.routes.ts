import { createGrantSchemeRequest, grantScheme, grantSchemePage, grantSchemeParams, listGrantSchemesQuery, updateGrantSchemeRequest } from '@alis/shared';
import { moduleRoutes } from '../../lib/routes.js';

/** Everyone who works with grants reads the schemes; only an admin writes them. */
const READERS = ['admin', 'office', 'municipality', 'directorate'] as const;
const WRITERS = ['admin'] as const;

const RATES =
  '`annualRatesNok` is the annual rate in whole kroner for each line type (`gp`, `gp_locum`, `introduction`, `other`, ' +
  '`guidance_only`) and centrality class (`"1"` most central – `"6"` most rural); every cell is required (a missing one is 400 ' +
  '`required` naming it, such as `annualRatesNok.gp.3`). Rates are versioned: drafts follow the current version (`rateVersion`), ' +
  'and an application keeps, from its submission, the version and the municipality\'s centrality class it was computed with. ' +
  '`rateVersions` lists every version, newest first, with `inUse` when a submitted application keeps it.';

const DATES =
  'Dates follow each other (400 `too_early` with `earliest` and `reference` otherwise): `periodTo` not before `periodFrom`, the ' +
  '`applicationDeadline` not before `periodFrom`, the `expectedDecisionDate` not before the deadline, the ' +
  '`auditorCertificateDueDate` not before `periodTo`; the period holds at least one whole calendar month (`periodMonths`).';

export const grantSchemeRoutes = moduleRoutes({ tags: ['grants'], roles: READERS }, (route, { grantSchemes: service }) => {
  route.list(
    '/grant-schemes',
    {
      summary: 'List grant schemes, the newest period first',
      description: `Each with its current rate table and every rate version. ${RATES}`,
      querystring: listGrantSchemesQuery,
      response: grantSchemePage,
    },
    (_principal, request) => service.list(request.query),
  );

  route.read(
    '/grant-schemes/:code',
    {
      summary: 'Get a grant scheme with its rate table',
      description: RATES,
      params: grantSchemeParams,
      response: grantScheme,
    },
    (_principal, request) => service.get(request.params.code),
  );

  route.create(
    '/grant-schemes',
    {
      summary: 'Create a grant scheme (admin)',
      description:
        `A new scheme with its first rate version. \`auditorCertificateDueDate\` defaults to 1 April of the year after the expected ` +
        `decision. A code in use is 409 \`already_exists\`. ${DATES} ${RATES}`,
      roles: WRITERS,
      body: createGrantSchemeRequest,
      response: grantScheme,
      errors: [409, 422],
    },
    (context, request) => service.create(context, request.body),
    (created) => `/api/v1/grant-schemes/${created.code}`,
  );

  route.change(
    'PATCH',
    '/grant-schemes/:code',
    {
      summary: 'Change a grant scheme or its rates (admin)',
      description:
        'Send `If-Match` with the ETag you read (412 when stale). New `annualRatesNok` (the whole table) replace the current ' +
        'version\'s table while no submitted application keeps that version, and otherwise become the next version: submitted ' +
        `amounts never change. The same table again changes nothing. ${DATES} Every change is in the audit log.`,
      roles: WRITERS,
      params: grantSchemeParams,
      body: updateGrantSchemeRequest,
      response: grantScheme,
    },
    (context, request, expected) => service.update(context, request.params.code, request.body, expected),
  );
});
