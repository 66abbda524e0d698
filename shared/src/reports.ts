import { z } from 'zod';
import { isoDate } from './common.js';
import { grantSchemeCode } from './grants.js';
import { officeCode } from './identifiers.js';
import { registrationStatuses } from './registration-rules.js';

/** A report has a row per group and a total: at most one per municipality (357, with room for changes). */
export const REPORT_MAX_ROWS = 2000;
/** The compliance list is never cut; this only bounds the document (a few items per agreement and veileder). */
export const COMPLIANCE_MAX_ITEMS = 1_000_000;

/**
 * Reports for Helsedirektoratet and the offices: aggregate figures as of a date, and the list of
 * what the offices act on. Counts about people may be suppressed (disclosure control): a suppressed
 * count is `{ value: null, suppressed: true }`.
 */

export const reportGroupings = ['office', 'county', 'municipality', 'size_band'] as const;
export const reportGrouping = z.enum(reportGroupings);
export type ReportGrouping = z.infer<typeof reportGrouping>;

/** Municipality size bands (inhabitants), as Helsedirektoratet reports them; no population: `ukjent`. */
export const sizeBands = [
  { key: 'lt_2k', label: 'Under 2 000', min: 0, max: 1_999 },
  { key: '2k_5k', label: '2 000–4 999', min: 2_000, max: 4_999 },
  { key: '5k_10k', label: '5 000–9 999', min: 5_000, max: 9_999 },
  { key: '10k_20k', label: '10 000–19 999', min: 10_000, max: 19_999 },
  { key: '20k_50k', label: '20 000–49 999', min: 20_000, max: 49_999 },
  { key: '50k_100k', label: '50 000–99 999', min: 50_000, max: 99_999 },
  { key: 'ge_100k', label: '100 000 og over', min: 100_000, max: null },
  { key: 'ukjent', label: 'Ukjent', min: null, max: null },
] as const;
export type SizeBandKey = (typeof sizeBands)[number]['key'];

/** The size band of a population (null: unknown). */
export function sizeBandOf(population: number | null): SizeBandKey {
  if (population === null) return 'ukjent';
  for (const band of sizeBands) {
    if (band.min !== null && population >= band.min && (band.max === null || population <= band.max)) return band.key;
  }
  return 'ukjent';
}

export const reportFormats = ['json', 'csv', 'json-stat'] as const;
export const reportFormat = z.enum(reportFormats);
export type ReportFormat = z.infer<typeof reportFormat>;

const formatField = reportFormat
  .optional()
  .describe('`json` (default), `csv` (UTF-8 with BOM, `;`-separated) or `json-stat` (JSON-stat 2.0). `Accept: text/csv` also gives CSV.');
const disclosureField = z
  .enum(['strict'])
  .optional()
  .describe('`strict` suppresses small counts about people as the directorate always gets them.');
const asOfField = isoDate.optional().describe('The day the figures are for (default today in Norway).');

export const overviewReportQuery = z
  .object({
    asOf: asOfField,
    groupBy: reportGrouping.default('office').describe('Rows per `office` (default), `county`, `municipality` or `size_band`.'),
    officeCode: officeCode.optional().describe('Only this office\'s municipalities (an office user: its own, always).'),
    disclosure: disclosureField,
    format: formatField,
  })
  .strict();
export type OverviewReportQuery = z.input<typeof overviewReportQuery>;

export const grantsReportQuery = z
  .object({
    schemeCode: grantSchemeCode,
    groupBy: reportGrouping.default('office'),
    officeCode: officeCode.optional().describe('Only this office\'s municipalities (an office user: its own, always).'),
    asOf: asOfField.describe('The day auditor\'s certificates are judged overdue on (default today in Norway).'),
    disclosure: disclosureField,
    format: formatField,
  })
  .strict();
export type GrantsReportQuery = z.input<typeof grantsReportQuery>;

export const complianceReportQuery = z
  .object({
    asOf: asOfField,
    officeCode: officeCode.optional().describe('An admin may pick an office; an office user gets its own.'),
    format: z.enum(['json', 'csv']).optional().describe('`json` (default) or `csv`.'),
  })
  .strict();
export type ComplianceReportQuery = z.input<typeof complianceReportQuery>;

/** A count about people: null with `suppressed` when disclosure control hides it. */
export const reportCount = z
  .object({ value: z.number().int().nullable(), suppressed: z.boolean() })
  .meta({ id: 'ReportCount', examples: [{ value: 12, suppressed: false }, { value: null, suppressed: true }] });
export type ReportCount = z.infer<typeof reportCount>;

export const reportDisclosure = z
  .object({
    applied: z.boolean().describe('Whether small counts about people were suppressed.'),
    threshold: z.number().int().describe('Counts from 1 to threshold − 1 are suppressed when applied.'),
  })
  .meta({ id: 'ReportDisclosure' });

const byStatus = Object.fromEntries(registrationStatuses.map((status) => [status, z.number().int()])) as Record<
  (typeof registrationStatuses)[number],
  z.ZodNumber
>;

export const overviewRow = z
  .object({
    key: z.string().max(16).describe('The office code, county number, kommunenummer or size band; `total` for the total row.'),
    label: z.string().max(200),
    municipalities: z.number().int(),
    municipalitiesByStatus: z.object(byStatus).describe('By the status of their registration in general practice on the day.'),
    municipalitiesWithActiveAlis: z.number().int(),
    activeAgreements: reportCount,
    activeAgreementsByEmploymentForm: z.object({ salaried: reportCount, self_employed: reportCount }),
    activeAgreementsByPosition: z.object({ gp: reportCount, gp_locum: reportCount, introduction: reportCount, other: reportCount }),
    agreementsStarted: reportCount.describe('Started from 1 January of the year up to the day.'),
    agreementsEnded: reportCount.describe('Ended from 1 January of the year up to the day.'),
    alisWithVeileder: reportCount,
    veiledere: reportCount.describe('Distinct veiledere of active agreements on the day.'),
    qualifiedVeiledere: reportCount,
    alisPerVeileder: z.number().nullable().describe('alisWithVeileder / veiledere, two decimals; null when either is suppressed or veiledere is 0.'),
  })
  .meta({ id: 'OverviewReportRow' });
export type OverviewRow = z.infer<typeof overviewRow>;

const overviewExampleRow: OverviewRow = {
  key: 'nord',
  label: 'ALIS-kontor Nord',
  municipalities: 83,
  municipalitiesByStatus: { not_registered: 40, preparing: 5, applied: 8, registered: 28, rejected: 1, deregistered: 1 },
  municipalitiesWithActiveAlis: 30,
  activeAgreements: { value: 61, suppressed: false },
  activeAgreementsByEmploymentForm: { salaried: { value: 40, suppressed: false }, self_employed: { value: 21, suppressed: false } },
  activeAgreementsByPosition: {
    gp: { value: 50, suppressed: false },
    gp_locum: { value: null, suppressed: true },
    introduction: { value: 7, suppressed: false },
    other: { value: null, suppressed: true },
  },
  agreementsStarted: { value: 12, suppressed: false },
  agreementsEnded: { value: 6, suppressed: false },
  alisWithVeileder: { value: 55, suppressed: false },
  veiledere: { value: 25, suppressed: false },
  qualifiedVeiledere: { value: 22, suppressed: false },
  alisPerVeileder: 2.2,
};

export const overviewReport = z
  .object({
    report: z.literal('overview'),
    asOf: isoDate,
    yearFrom: isoDate.describe('1 January of asOf\'s year: the start of the started/ended counts.'),
    groupBy: reportGrouping,
    officeCode: z.string().max(16).nullable(),
    disclosure: reportDisclosure,
    rows: z.array(overviewRow).max(REPORT_MAX_ROWS),
    total: overviewRow,
  })
  .meta({
    id: 'OverviewReport',
    examples: [
      {
        report: 'overview',
        asOf: '2026-03-01',
        yearFrom: '2026-01-01',
        groupBy: 'office',
        officeCode: null,
        disclosure: { applied: true, threshold: 5 },
        rows: [overviewExampleRow],
        total: { ...overviewExampleRow, key: 'total', label: 'Totalt' },
      },
    ],
  });
export type OverviewReport = z.infer<typeof overviewReport>;

export const grantFigures = z
  .object({
    applications: z.number().int(),
    lines: reportCount.describe('ALIS lines (people): suppressed like other counts about people.'),
    appliedNok: reportCount.describe('Amounts follow their lines: suppressed with them.'),
    grantedNok: reportCount,
    paidNok: reportCount,
  })
  .meta({ id: 'GrantReportFigures' });
export type GrantFigures = z.infer<typeof grantFigures>;

export const reportedGrantStatuses = ['submitted', 'granted', 'partially_granted', 'rejected', 'paid', 'withdrawn'] as const;

export const grantsReportRow = z
  .object({
    key: z.string().max(16),
    label: z.string().max(200),
    ...grantFigures.shape,
    certificatesOverdue: z.number().int().describe('Applications with money granted whose auditor\'s certificate is overdue on asOf.'),
    byStatus: z.object(
      Object.fromEntries(reportedGrantStatuses.map((status) => [status, grantFigures])) as Record<(typeof reportedGrantStatuses)[number], typeof grantFigures>,
    ),
  })
  .meta({ id: 'GrantsReportRow' });
export type GrantsReportRow = z.infer<typeof grantsReportRow>;

const zeroFigures: GrantFigures = {
  applications: 0,
  lines: { value: 0, suppressed: false },
  appliedNok: { value: 0, suppressed: false },
  grantedNok: { value: 0, suppressed: false },
  paidNok: { value: 0, suppressed: false },
};
const grantExampleFigures: GrantFigures = {
  applications: 12,
  lines: { value: 31, suppressed: false },
  appliedNok: { value: 7_450_000, suppressed: false },
  grantedNok: { value: 7_100_000, suppressed: false },
  paidNok: { value: 7_100_000, suppressed: false },
};
const grantExampleRow: GrantsReportRow = {
  key: 'nord',
  label: 'ALIS-kontor Nord',
  ...grantExampleFigures,
  certificatesOverdue: 1,
  byStatus: { submitted: zeroFigures, granted: zeroFigures, partially_granted: zeroFigures, rejected: zeroFigures, paid: grantExampleFigures, withdrawn: zeroFigures },
};

export const grantsReport = z
  .object({
    report: z.literal('grants'),
    asOf: isoDate,
    scheme: z.object({ code: z.string().max(40), name: z.string().max(200), periodFrom: isoDate, periodTo: isoDate, auditorCertificateDueDate: isoDate }),
    groupBy: reportGrouping,
    officeCode: z.string().max(16).nullable(),
    disclosure: reportDisclosure,
    rows: z.array(grantsReportRow).max(REPORT_MAX_ROWS),
    total: grantsReportRow,
  })
  .meta({
    id: 'GrantsReport',
    examples: [
      {
        report: 'grants',
        asOf: '2027-06-01',
        scheme: { code: 'nasjonal-alis-2026', name: 'Nasjonal ALIS og veiledning 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', auditorCertificateDueDate: '2028-04-01' },
        groupBy: 'office',
        officeCode: null,
        disclosure: { applied: false, threshold: 5 },
        rows: [grantExampleRow],
        total: { ...grantExampleRow, key: 'total', label: 'Totalt' },
      },
    ],
  });
export type GrantsReport = z.infer<typeof grantsReport>;

export const complianceKinds = [
  'agreement_in_unregistered_municipality',
  'agreement_without_veileder',
  'veileder_not_qualified',
  'veileder_over_capacity',
  'certificate_overdue',
  'agreement_ending_soon',
] as const;
export const complianceKind = z.enum(complianceKinds);
export type ComplianceKind = z.infer<typeof complianceKind>;

export const complianceItem = z
  .object({
    kind: complianceKind,
    kommunenummer: z.string().max(4),
    municipalityName: z.string().max(200),
    officeCode: z.string().max(16),
    subject: z.object({ type: z.enum(['agreement', 'supervisor', 'grant_application']), id: z.string().max(36) }),
    href: z.string().max(200).describe('The API path of the case.'),
    doctorName: z.string().max(200).nullable(),
    supervisorName: z.string().max(200).nullable(),
    date: isoDate.nullable().describe(
      'The date that matters: the agreement\'s start, the day it has had no veileder since, the planned end, the certificate\'s due date.',
    ),
    count: z.number().int().nullable().describe('Over capacity: the running veileder supervisions; null otherwise.'),
    capacity: z.number().int().nullable(),
  })
  .meta({ id: 'ComplianceItem' });
export type ComplianceItem = z.infer<typeof complianceItem>;

export const complianceReport = z
  .object({
    report: z.literal('compliance'),
    asOf: isoDate,
    officeCode: z.string().max(16).nullable(),
    counts: z.object(Object.fromEntries(complianceKinds.map((kind) => [kind, z.number().int()])) as Record<ComplianceKind, z.ZodNumber>),
    items: z.array(complianceItem).max(COMPLIANCE_MAX_ITEMS),
  })
  .meta({
    id: 'ComplianceReport',
    examples: [
      {
        report: 'compliance',
        asOf: '2026-03-01',
        officeCode: 'nord',
        counts: {
          agreement_in_unregistered_municipality: 1,
          agreement_without_veileder: 0,
          veileder_not_qualified: 0,
          veileder_over_capacity: 0,
          certificate_overdue: 0,
          agreement_ending_soon: 0,
        },
        items: [
          {
            kind: 'agreement_in_unregistered_municipality',
            kommunenummer: '1818',
            municipalityName: 'Herøy',
            officeCode: 'nord',
            subject: { type: 'agreement', id: '0196f1a2-7c1e-7d3a-9b1e-2f4a5c6d7e8f' },
            href: '/api/v1/agreements/0196f1a2-7c1e-7d3a-9b1e-2f4a5c6d7e8f',
            doctorName: 'Kari Nordmann',
            supervisorName: null,
            date: '2025-08-01',
            count: null,
            capacity: null,
          },
        ],
      },
    ],
  });
export type ComplianceReport = z.infer<typeof complianceReport>;
