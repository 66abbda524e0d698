import { IMPORT_MAX_BYTES, importBody, importQuery, importReport } from '@alis/shared';
import { AppError } from '../../lib/app-error.js';
import { contextOf } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export const importRoutes = moduleRoutes({ tags: ['imports'], roles: ['admin', 'office', 'municipality'] }, (route, { imports: service }, app) => {
  // Only CSV here (this plugin's own parsers): a body of another type is 415. UTF-8, with or without BOM.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) => {
    try {
      done(null, utf8.decode(body as Buffer));
    } catch {
      done(new AppError('bad_request', 'The file is not UTF-8 text; save it as "CSV UTF-8" and send it again.'), undefined);
    }
  });

  route.post(
    '/imports',
    {
      summary: 'Import doctors and agreements of one municipality from a CSV file',
      description:
        'Body `text/csv` (UTF-8 with or without BOM, `;` or `,` between fields, at most 10 MiB): a header row, then one row per doctor ' +
        'and agreement. Columns by their English or Norwegian names, in any order (see the README: `hprNumber`/`hprnummer`, `name`/`navn`, ' +
        '`employmentForm`/`ansettelsesform`, `position`/`stilling`, `positionPercent`/`stillingsprosent`, `startDate`/`startdato` are ' +
        'required). Every row is checked first, as the doctor and agreement endpoints check their bodies. In mode `all` nothing is ' +
        'imported unless every row is valid (422 `import_rejected`, with the report listing every bad row by line and column); in ' +
        '`valid-only` the valid rows are imported and the rest reported. A doctor already registered (same HPR number) is linked, never ' +
        'changed; an agreement identical to one that exists (same doctor, municipality and start date) is skipped, so the same file ' +
        'twice creates nothing new. All in one transaction. `dryRun=true` reports what would happen and writes nothing. Admin: any ' +
        "municipality; an office: its municipalities; a municipality's client: its own (others 404).",
      consumes: ['text/csv'],
      bodyLimit: IMPORT_MAX_BYTES,
      querystring: importQuery,
      body: importBody,
      response: importReport,
      errors: [404, 409],
    },
    (request) => service.import(contextOf(request), request.body, request.query),
  );
});
