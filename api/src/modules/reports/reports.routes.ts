import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ReportFormat, complianceReport, complianceReportQuery, grantsReport, grantsReportQuery, overviewReport, overviewReportQuery } from '@alis/shared';
import type { z } from 'zod';
import { AppError } from '../../lib/app-error.js';
import { type Computed, type ComputedRendering, sendComputed } from '../../lib/computed.js';
import type { Principal } from '../../lib/principal.js';
import { requirePrincipal } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';
import { complianceCsv, grantsCsv, grantsJsonStat, overviewCsv, overviewJsonStat } from './report-formats.js';

const FORMATS =
  'JSON by default; CSV with `Accept: text/csv` or `?format=csv` (UTF-8 with BOM, `;`-separated, decimal comma, as Norwegian ' +
  'Excel opens it); `?format=json-stat` gives JSON-stat 2.0 (as Statistics Norway\'s API) with Norwegian labels. Another `Accept` ' +
  'is 406 `not_acceptable`. Answers carry an `ETag`; send it as `If-None-Match` to get 304 while the data has not changed.';

const DISCLOSURE =
  'Disclosure control: for the directorate (and with `?disclosure=strict`) each count about people (agreements, ALIS, veiledere, ' +
  'lines) from 1 to `DISCLOSURE_THRESHOLD` − 1 (default 5) is suppressed, as are as many further cells as needed so that none can ' +
  'be derived from the totals shown: `{"value": null, "suppressed": true}` in JSON, `:` in CSV and in JSON-stat `status`. Amounts ' +
  'follow their lines. Municipality counts are not about people and are never suppressed.';

const ALL_FORMATS: readonly ReportFormat[] = ['json', 'csv', 'json-stat'];

const SCOPE = 'Admin and the directorate: all municipalities (or one office\'s, `officeCode`); an office user: its own office\'s (another answers 404). Municipality clients: 403.';

type Negotiated = ReportFormat;

/** The media types a request accepts, best first (`q=0` excluded). */
function accepted(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.type !== '' && entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.type);
}

/** The format asked for: `?format=` first, else by `Accept`; 406 when `Accept` allows none we have. */
export function negotiate(request: FastifyRequest, format: ReportFormat | undefined, offered: readonly ReportFormat[]): Negotiated {
  if (format !== undefined) return format;
  const header = request.headers.accept;
  if (header === undefined || header.trim() === '') return 'json';
  for (const type of accepted(header)) {
    if (type === 'application/json' || type === 'application/*' || type === '*/*') return 'json';
    if ((type === 'text/csv' || type === 'text/*') && offered.includes('csv')) return 'csv';
  }
  throw new AppError('not_acceptable', `This report is available as application/json${offered.includes('csv') ? ' and text/csv' : ''}; \`Accept: ${header}\` allows neither.`);
}

export const reportRoutes = moduleRoutes({ tags: ['reports'], roles: ['admin', 'office', 'directorate'] }, (route, { reports: service }) => {
  const { cache } = service;
  /** A report's handler (its query typed by the route's schema): the format negotiated, the report computed (or cached) for the caller, sent with its ETag. */
  const answer =
    <S extends z.ZodType<{ format?: ReportFormat }>, T>(
      querystring: S,
      offered: readonly ReportFormat[],
      compute: (principal: Principal, query: z.output<S>) => Promise<Computed<T>>,
      render: (report: T) => ComputedRendering<T>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      // The route's query schema has checked the query (Fastify types a generic handler's loosely).
      const query = request.query as z.output<S>;
      const format = negotiate(request, query.format, offered);
      const computed = await compute(requirePrincipal(request), query);
      return sendComputed(request, reply, cache, computed, format, render(computed.report));
    };

  route.get(
    '/reports/overview',
    {
      summary: 'Municipalities, registrations, agreements and veiledere as of a date, per group and in total',
      description:
        'Per group (`groupBy`: office, county, municipality or size band, each by the municipality\'s current office, county and ' +
        'population; no population: band `ukjent`) and a total row, on `asOf`: municipalities, by the status of their registration in ' +
        'general practice, and with at least one active ALIS; active agreements (by employment form and position); agreements started and ' +
        'ended from 1 January of `asOf`\'s year up to it; active agreements whose ALIS has a veileder; distinct veiledere and those qualified ' +
        'on the day; ALIS per veileder. Judged from dated history: the same `asOf` gives the same figures after later changes dated ' +
        `elsewhere.\n\n${SCOPE}\n\n${DISCLOSURE}\n\n${FORMATS}`,
      querystring: overviewReportQuery,
      response: overviewReport,
      errors: [404, 406],
    },
    answer(overviewReportQuery, ALL_FORMATS, (principal, query) => service.overview(principal, query), (report) => ({
      name: `alis-oversikt-${report.asOf}`,
      csv: overviewCsv,
      jsonStat: overviewJsonStat,
    })),
  );

  route.get(
    '/reports/grants',
    {
      summary: 'A grant scheme\'s applications, lines and amounts by status and group',
      description:
        'Applications that were submitted (never drafts) for the scheme, per group and in total, in all and by their current status: how ' +
        'many, their ALIS lines, the amounts applied for (fixed at submission), granted and paid, and how many have money granted with ' +
        'the auditor\'s certificate overdue on `asOf` (the scheme\'s due date passed and none received by then). A scheme\'s period may ' +
        `span two calendar years: the scheme is the unit.\n\n${SCOPE}\n\n${DISCLOSURE}\n\n${FORMATS}`,
      querystring: grantsReportQuery,
      response: grantsReport,
      errors: [404, 406],
    },
    answer(grantsReportQuery, ALL_FORMATS, (principal, query) => service.grants(principal, query), (report) => ({
      name: `alis-tilskudd-${report.scheme.code}`,
      csv: grantsCsv,
      jsonStat: grantsJsonStat,
    })),
  );

  route.get(
    '/reports/compliance',
    {
      summary: 'What the offices act on, each item linking to its case',
      description:
        'As of `asOf` (default today): active agreements in municipalities that neither hold nor have applied for registration; active ' +
        'agreements whose ALIS has had no veileder for more than 30 days (`date`: the first day without); veiledere not qualified on the ' +
        'day; veiledere with more running veileder supervisions than their capacity (`count`, `capacity`); grant applications with money ' +
        'granted whose auditor\'s certificate is overdue (`date`: the due date); active agreements whose planned end lies within 6 months. ' +
        'It names people: offices (their own municipalities) and admins only; the directorate and municipality clients get 403. JSON or ' +
        'CSV (`Accept: text/csv` or `?format=csv`), with an `ETag` as the other reports.',
      querystring: complianceReportQuery,
      response: complianceReport,
      roles: ['admin', 'office'],
      errors: [404, 406],
    },
    answer(complianceReportQuery, ['json', 'csv'], (principal, query) => service.compliance(principal, query), (report) => ({ name: `alis-oppfolging-${report.asOf}`, csv: complianceCsv })),
  );
});
