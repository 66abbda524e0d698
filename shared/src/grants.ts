import { z } from 'zod';
import { isoDate, optionalText, pageOf, pageQuery, timestamp } from './common.js';
import {
  type GrantLineType,
  type RateTable,
  centralityClasses,
  grantApplicationStatuses,
  grantLineTypes,
} from './grant-rules.js';
import { kommunenummer, officeCode } from './identifiers.js';
import { grantProblemCodes, grantProblemParams } from './problem.js';

/** The largest rate a cell may hold: far above any real rate, small enough that a total of MAX_GRANT_LINES lines fits a 32-bit integer. */
export const MAX_ANNUAL_RATE_NOK = 2_000_000;
/** Lines an application may hold. */
export const MAX_GRANT_LINES = 1000;
/** Months and shares are checked as eligibility problems (1–12, 1–100); what can be stored at all is wider. */
const STORABLE = 999;

export const grantSchemeCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'must be 2–40 lower-case letters, digits and hyphens, such as "nasjonal-alis-2026"' })
  .meta({ examples: ['nasjonal-alis-2026'], maxLength: 40 });
export const grantSchemeParams = z.object({ code: grantSchemeCode }).strict();

const rate = z.number().int('must be whole kroner').min(0).max(MAX_ANNUAL_RATE_NOK);
const rateRow = z.object(Object.fromEntries(centralityClasses.map((key) => [key, rate])) as Record<(typeof centralityClasses)[number], typeof rate>).strict();

/** Every cell of the table: each line type (`gp`, `gp_locum`, `introduction`, `other`, `guidance_only`) by centrality class "1"–"6". */
export const rateTable = z
  .object(Object.fromEntries(grantLineTypes.map((type) => [type, rateRow])) as Record<GrantLineType, typeof rateRow>)
  .strict()
  .describe('The annual rate in whole kroner for each line type and centrality class ("1" most central – "6" most rural); a missing cell is an error.')
  .meta({ id: 'GrantRateTable' }) as unknown as z.ZodType<RateTable>;

const row = (values: readonly number[]) => Object.fromEntries(centralityClasses.map((key, index) => [key, values[index] ?? 0])) as RateTable['gp'];

/** The sample table the national scheme is seeded with (migrations/0008_grants.sql): sample figures, not Helsedirektoratet's. */
export const SAMPLE_RATE_TABLE: RateTable = {
  gp: row([300_000, 320_000, 350_000, 380_000, 412_000, 450_000]),
  gp_locum: row([250_000, 270_000, 300_000, 330_000, 360_000, 400_000]),
  introduction: row([200_000, 220_000, 250_000, 280_000, 310_000, 350_000]),
  other: row([150_000, 170_000, 190_000, 210_000, 230_000, 250_000]),
  guidance_only: row([40_000, 45_000, 50_000, 55_000, 60_000, 70_000]),
};

export const grantRateVersion = z
  .object({
    version: z.number().int(),
    createdAt: timestamp,
    annualRatesNok: rateTable,
    inUse: z.boolean().describe('A submitted application keeps this version: a change of rates makes a new one.'),
  })
  .meta({ id: 'GrantRateVersion' });

export const grantScheme = z
  .object({
    code: z.string().max(64),
    name: z.string().max(200),
    description: z.string().max(4000).nullable(),
    periodFrom: isoDate,
    periodTo: isoDate,
    periodMonths: z.number().int().describe('Whole calendar months of the period: the most months a line can claim in total.'),
    applicationDeadline: isoDate,
    expectedDecisionDate: isoDate,
    auditorCertificateDueDate: isoDate,
    rateVersion: z.number().int().describe('The current rate version, which drafts follow.'),
    annualRatesNok: rateTable.describe('The current rate table.'),
    rateVersions: z.array(grantRateVersion).describe('Every rate version, newest first.'),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'GrantScheme' });
export type GrantScheme = z.infer<typeof grantScheme>;

const schemeFields = {
  name: z.string().trim().min(1).max(200),
  description: optionalText(4000),
  periodFrom: isoDate,
  periodTo: isoDate,
  applicationDeadline: isoDate,
  expectedDecisionDate: isoDate,
  auditorCertificateDueDate: isoDate.describe('Default: 1 April of the year after the expected decision.'),
  annualRatesNok: rateTable,
};

export const createGrantSchemeRequest = z
  .object({ code: grantSchemeCode, ...schemeFields, description: schemeFields.description.optional(), auditorCertificateDueDate: schemeFields.auditorCertificateDueDate.optional() })
  .strict()
  .meta({
    id: 'CreateGrantSchemeRequest',
    examples: [
      {
        code: 'nasjonal-alis-2027',
        name: 'Nasjonal ALIS og veiledning 2027',
        periodFrom: '2027-01-01',
        periodTo: '2027-12-31',
        applicationDeadline: '2028-03-01',
        expectedDecisionDate: '2028-06-01',
        auditorCertificateDueDate: '2029-04-01',
        annualRatesNok: SAMPLE_RATE_TABLE,
      },
    ],
  });
export type CreateGrantSchemeRequest = z.input<typeof createGrantSchemeRequest>;

export const updateGrantSchemeRequest = z
  .object(schemeFields)
  .partial()
  .strict()
  .meta({
    id: 'UpdateGrantSchemeRequest',
    examples: [{ applicationDeadline: '2027-03-15' }, { annualRatesNok: { ...SAMPLE_RATE_TABLE, gp: { ...SAMPLE_RATE_TABLE.gp, '6': 460_000 } } }],
  });
export type UpdateGrantSchemeRequest = z.input<typeof updateGrantSchemeRequest>;

export const grantSchemePage = pageOf(grantScheme);
export const listGrantSchemesQuery = z.object({ ...pageQuery }).strict();

// --- applications ----------------------------------------------------------------------------------

export const grantApplicationStatus = z.enum(grantApplicationStatuses);
export const grantLineType = z.enum(grantLineTypes);

export const grantLineInput = z
  .object({
    agreementId: z.uuid().nullable().optional().describe('The ALIS agreement the line claims; none for `guidance_only`.'),
    doctorId: z.uuid(),
    lineType: grantLineType,
    positionPercent: z.number().int('must be a whole percentage').min(0).max(STORABLE).describe('1–100 to be eligible.'),
    months: z.number().int('must be whole months').min(0).max(STORABLE).describe('Whole months, 1–12 to be eligible.'),
  })
  .strict()
  .meta({ id: 'GrantLineRequest' });
export type GrantLineInput = z.input<typeof grantLineInput>;

const lines = z.array(grantLineInput).max(MAX_GRANT_LINES);

export const createGrantApplicationRequest = z
  .object({ kommunenummer, schemeCode: grantSchemeCode, lines, notes: optionalText(4000).optional() })
  .strict()
  .meta({
    id: 'CreateGrantApplicationRequest',
    examples: [
      {
        kommunenummer: '1818',
        schemeCode: 'nasjonal-alis-2026',
        lines: [
          { agreementId: '6f1c2a4e-3b8d-4f7a-9c2e-1d5b7a9e0c31', doctorId: '0b9e4d2c-7a61-4e3f-8d15-2c4a6b8e0f17', lineType: 'gp', positionPercent: 80, months: 9 },
          { doctorId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', lineType: 'guidance_only', positionPercent: 100, months: 12 },
        ],
        notes: 'Søknad for 2026',
      },
    ],
  });
export type CreateGrantApplicationRequest = z.input<typeof createGrantApplicationRequest>;

export const draftFromAgreementsRequest = z
  .object({ kommunenummer, schemeCode: grantSchemeCode })
  .strict()
  .meta({ id: 'DraftFromAgreementsRequest', examples: [{ kommunenummer: '1818', schemeCode: 'nasjonal-alis-2026' }] });
export type DraftFromAgreementsRequest = z.input<typeof draftFromAgreementsRequest>;

export const updateGrantApplicationRequest = z
  .object({
    lines: lines.describe('Replaces every line (draft only).'),
    notes: optionalText(4000).describe('Draft only.'),
    auditorCertificateReceivedOn: isoDate
      .nullable()
      .describe('When Helsedirektoratet received the auditor\'s certificate: once money is granted, by the directorate or an admin; null clears it.'),
  })
  .partial()
  .strict()
  .meta({
    id: 'UpdateGrantApplicationRequest',
    examples: [
      { lines: [{ agreementId: '6f1c2a4e-3b8d-4f7a-9c2e-1d5b7a9e0c31', doctorId: '0b9e4d2c-7a61-4e3f-8d15-2c4a6b8e0f17', lineType: 'gp', positionPercent: 80, months: 9 }] },
      { auditorCertificateReceivedOn: '2027-03-20' },
    ],
  });
export type UpdateGrantApplicationRequest = z.input<typeof updateGrantApplicationRequest>;

export const grantTransitionRequest = z
  .object({
    to: grantApplicationStatus,
    reason: z.string().trim().min(1).max(2000).optional().describe('Why: required for a submission after the deadline (admin only); kept in the history.'),
    decisionDate: isoDate.optional().describe('Decisions: the date of the decision.'),
    decisionReference: z.string().trim().min(1).max(200).optional().describe("Decisions: Helsedirektoratet's case reference."),
    grantedNok: z.number().int().min(1).max(2_000_000_000).optional().describe('`granted`: the total; `partially_granted`: below it.'),
    paidOn: isoDate.optional().describe('`paid`: the payment date.'),
    paidNok: z.number().int().min(1).max(2_000_000_000).optional().describe('`paid`: the amount paid, not above the granted amount.'),
  })
  .strict()
  .meta({
    id: 'GrantTransitionRequest',
    examples: [
      { to: 'submitted' },
      { to: 'partially_granted', decisionDate: '2027-05-20', decisionReference: '27/1234', grantedNok: 400_000 },
      { to: 'paid', paidOn: '2027-06-15', paidNok: 400_000 },
      { to: 'withdrawn', reason: 'Søknaden sendes på nytt med rettede linjer' },
    ],
  });
export type GrantTransitionRequest = z.input<typeof grantTransitionRequest>;

export const grantProblem = z
  .object({
    code: z.enum(grantProblemCodes),
    line: z.number().int().nullable().describe('Index (from 0) of the line it concerns; null for the whole application.'),
    lineId: z.uuid().nullable(),
    path: z.string().max(200).describe('The field it concerns, as in the 422 of a submission (`lines.2.months`).'),
    message: z.string().max(2000).describe('English explanation; clients show their own text built from `code` and `params`.'),
    params: z.object(grantProblemParams).strict(),
  })
  .meta({ id: 'GrantProblem' });
export type GrantProblemView = z.infer<typeof grantProblem>;

export const grantLine = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid().nullable(),
    doctor: z.object({ id: z.uuid(), hprNumber: z.string().max(9), name: z.string().max(200) }),
    lineType: grantLineType,
    positionPercent: z.number().int(),
    months: z.number().int(),
    annualRateNok: z.number().int().nullable().describe('The rate used (line type × centrality class); null without a centrality class.'),
    amountNok: z.number().int().nullable().describe('annualRateNok × positionPercent / 100 × months / 12, rounded half up to whole kroner.'),
  })
  .meta({ id: 'GrantLine' });
export type GrantLine = z.infer<typeof grantLine>;

export const grantApplication = z
  .object({
    id: z.uuid(),
    kommunenummer: z.string().max(4),
    municipalityName: z.string().max(200),
    officeCode: z.string().max(16),
    scheme: z.object({
      code: z.string().max(64),
      name: z.string().max(200),
      periodFrom: isoDate,
      periodTo: isoDate,
      periodMonths: z.number().int(),
      applicationDeadline: isoDate,
    }),
    status: grantApplicationStatus,
    notes: z.string().max(4000).nullable(),
    organisationNumber: z.string().max(9).nullable().describe("The municipality's, as it is now (draft) or was at submission."),
    centralityClass: z.number().int().nullable().describe('The class the amounts are computed with: the municipality\'s now (draft), kept from submission.'),
    rateVersion: z.number().int().describe("The scheme's rate version the amounts are computed with: the current one (draft), kept from submission."),
    amountsFixed: z.boolean().describe('From submission the amounts, rate version and centrality class no longer change.'),
    lines: z.array(grantLine).max(MAX_GRANT_LINES),
    totalNok: z.number().int().nullable().describe('The sum of the lines\' amounts; null while a line has none.'),
    problems: z.array(grantProblem).max((MAX_GRANT_LINES + 1) * grantProblemCodes.length).describe('What stops the application being submitted, computed on every read.'),
    submittedOn: isoDate.nullable(),
    lateSubmissionReason: z.string().max(2000).nullable(),
    decisionDate: isoDate.nullable(),
    decisionReference: z.string().max(200).nullable(),
    grantedNok: z.number().int().nullable(),
    paidOn: isoDate.nullable(),
    paidNok: z.number().int().nullable(),
    withdrawnOn: isoDate.nullable(),
    auditorCertificateDueDate: isoDate,
    auditorCertificateReceivedOn: isoDate.nullable(),
    certificateOverdue: z.boolean().describe('Money was granted, the due date has passed and no certificate has been received.'),
    allowedTransitions: z.array(grantApplicationStatus).max(grantApplicationStatus.options.length).describe('Statuses the caller may move the application to now (the deadline aside).'),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'GrantApplication' });
export type GrantApplication = z.infer<typeof grantApplication>;

export const grantApplicationPage = pageOf(grantApplication);

const listFilters = {
  kommunenummer: kommunenummer.optional(),
  officeCode: officeCode.optional(),
  schemeCode: grantSchemeCode.optional(),
  status: grantApplicationStatus.optional(),
};
export const listGrantApplicationsQuery = z.object({ ...listFilters, ...pageQuery }).strict();
export type ListGrantApplicationsQuery = z.input<typeof listGrantApplicationsQuery>;
export const grantApplicationSummaryQuery = z.object(listFilters).strict();

const sums = {
  count: z.number().int(),
  totalNok: z.number().int().describe('The sum of the totals (applied for, once submitted); applications without a total are left out.'),
  grantedNok: z.number().int(),
  paidNok: z.number().int(),
};
export const grantApplicationSummary = z
  .object({ ...sums, byStatus: z.array(z.object({ status: grantApplicationStatus, ...sums })).max(grantApplicationStatus.options.length).describe('Statuses that have applications.') })
  .meta({ id: 'GrantApplicationSummary' });
export type GrantApplicationSummary = z.infer<typeof grantApplicationSummary>;

export const grantHistoryEntry = z
  .object({
    id: z.string().max(128),
    from: grantApplicationStatus,
    to: grantApplicationStatus,
    date: isoDate,
    reason: z.string().max(2000).nullable(),
    actorType: z.enum(['user', 'client', 'system']),
    actorId: z.string().max(128).nullable(),
    actorName: z.string().max(200).nullable(),
    occurredAt: timestamp,
  })
  .meta({ id: 'GrantHistoryEntry' });
export type GrantHistoryEntry = z.infer<typeof grantHistoryEntry>;
export const grantHistory = pageOf(grantHistoryEntry);
export const grantHistoryQuery = z.object({ ...pageQuery }).strict();
