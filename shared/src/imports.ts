import { z } from 'zod';
import { kommunenummer } from './identifiers.js';
import { queryBoolean } from './common.js';

/**
 * The columns of an import file (`POST /imports`, `text/csv`): one row per doctor and agreement.
 * Headers are matched ignoring case, spaces, `_` and `-`; each column has its English name (the
 * API's field) and a Norwegian one. Columns may come in any order; optional ones may be left out.
 */
export const IMPORT_COLUMNS = [
  { name: 'hprNumber', norwegian: 'hprnummer', required: true, description: 'HPR number, 7–9 digits (leading zeros are dropped).' },
  { name: 'name', norwegian: 'navn', required: true, description: 'The doctor\'s full name (used only when the doctor is new).' },
  { name: 'email', norwegian: 'epost', required: false, description: 'The doctor\'s e-mail (new doctors).' },
  { name: 'phone', norwegian: 'telefon', required: false, description: 'The doctor\'s phone (new doctors).' },
  { name: 'lis1CompletedOn', norwegian: 'lis1fullfort', required: false, description: 'LIS1 completed (new doctors).' },
  { name: 'specialistApprovedOn', norwegian: 'spesialistgodkjent', required: false, description: 'Specialist approval in general practice (new doctors).' },
  { name: 'scheme', norwegian: 'ordning', required: false, description: '`new` (default) or `old` (new doctors).' },
  { name: 'employmentForm', norwegian: 'ansettelsesform', required: true, description: '`salaried` (fastlønnet) or `self_employed` (næringsdrivende).' },
  {
    name: 'position',
    norwegian: 'stilling',
    required: true,
    description: '`gp` (fastlege), `gp_locum` (fastlegevikar), `introduction` (introduksjonslege) or `other` (annet).',
  },
  { name: 'positionPercent', norwegian: 'stillingsprosent', required: true, description: 'Whole percent, 1–100 (a trailing `%` is allowed).' },
  { name: 'startDate', norwegian: 'startdato', required: true, description: 'The agreement\'s start.' },
  { name: 'signedOn', norwegian: 'signert', required: false, description: 'When it was signed; required for `active`.' },
  { name: 'status', norwegian: 'status', required: false, description: '`draft` (utkast, the default) or `active` (aktiv).' },
  { name: 'viaStaffingAgency', norwegian: 'vikarbyra', required: false, description: '`true`/`false` (also `ja`/`nei`, `1`/`0`); default false.' },
  { name: 'notes', norwegian: 'merknad', required: false, description: 'Notes on the agreement.' },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['name'];

/** A header as written in a file, reduced to what is compared: lower case, no spaces, `_`, `-` or `.`, æøå as ae/o/a. */
export const importHeaderKey = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .replace(/[\s_.-]/g, '');

/** The column a header names, by its English or Norwegian name; undefined for an unknown one. */
export function importColumnOf(header: string): ImportColumn | undefined {
  const key = importHeaderKey(header);
  return IMPORT_COLUMNS.find((column) => importHeaderKey(column.name) === key || importHeaderKey(column.norwegian) === key)?.name;
}

/** Norwegian values accepted beside the API's own, by column (keys as `importHeaderKey` reduces them). */
export const IMPORT_VALUE_ALIASES: Partial<Record<ImportColumn, Record<string, string>>> = {
  employmentForm: { fastlonnet: 'salaried', ansatt: 'salaried', naeringsdrivende: 'self_employed' },
  position: { fastlege: 'gp', fastlegevikar: 'gp_locum', vikar: 'gp_locum', introduksjonslege: 'introduction', annet: 'other', annen: 'other' },
  status: { utkast: 'draft', aktiv: 'active' },
  scheme: { ny: 'new', gammel: 'old' },
};

/** The statuses an imported agreement may have: imports load running (or planned) agreements, not history. */
export const importAgreementStatuses = ['draft', 'active'] as const;

export const importModes = ['all', 'valid-only'] as const;
export type ImportMode = (typeof importModes)[number];

/** Files up to this size are read (10 MiB). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Problems a report can hold: at most one per cell of a file within IMPORT_MAX_BYTES (a cell takes at least a separator). */
export const IMPORT_MAX_ERRORS = IMPORT_MAX_BYTES;

export const importQuery = z
  .object({
    kommunenummer: kommunenummer
      .optional()
      .describe('The municipality the agreements are with. A municipality\'s client may leave it out (its own); others must give it.'),
    mode: z
      .enum(importModes)
      .default('all')
      .describe('`all` (default): nothing is imported unless every row is valid. `valid-only`: the valid rows are imported and the rest reported.'),
    dryRun: queryBoolean.default(false).describe('`true`: check the file and report what would happen, changing nothing.'),
  })
  .strict();

const paramValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

export const importRowError = z
  .object({
    line: z.int().positive().describe('Line of the file (the header is line 1).'),
    column: z.string().max(64).nullable().describe('The column (its English name) the problem is in; null for the row as a whole.'),
    code: z.string().max(64).describe('One of the codes of problems\' `errors[]` (`required`, `invalid_format`, `not_allowed` …), with the same `params`.'),
    message: z.string().max(2000).describe('English explanation; clients show their own text built from `code` and `params`.'),
    params: z.record(z.string().max(64), z.union([paramValue, z.array(paramValue).max(1000)])),
  })
  .meta({ id: 'ImportRowError' });
export type ImportRowError = z.infer<typeof importRowError>;

export const importReport = z
  .object({
    kommunenummer: z.string().max(4),
    mode: z.enum(importModes),
    dryRun: z.boolean(),
    imported: z.boolean().describe('Whether the valid rows were written (false on a dry run and when rows are invalid in mode `all`).'),
    rows: z.int().nonnegative().describe('Data rows in the file.'),
    validRows: z.int().nonnegative(),
    doctors: z.object({
      created: z.int().nonnegative().describe('New doctors (or that would be, on a dry run).'),
      linked: z.int().nonnegative().describe('Rows whose doctor was already registered (same HPR number): used as is, never changed.'),
    }),
    agreements: z.object({
      created: z.int().nonnegative(),
      skipped: z.int().nonnegative().describe('Rows whose agreement exists already (same doctor, municipality and start date).'),
    }),
    errors: z.array(importRowError).max(IMPORT_MAX_ERRORS).describe('Every invalid row\'s problems, in file order.'),
  })
  .meta({
    id: 'ImportReport',
    examples: [
      {
        kommunenummer: '1818',
        mode: 'valid-only',
        dryRun: false,
        imported: true,
        rows: 3,
        validRows: 2,
        doctors: { created: 1, linked: 1 },
        agreements: { created: 1, skipped: 1 },
        errors: [{ line: 4, column: 'hprNumber', code: 'invalid_format', message: 'must be an HPR number: 7–9 digits', params: { format: 'hpr_number' } }],
      },
    ],
  });
export type ImportReport = z.infer<typeof importReport>;

/** The body: CSV text, UTF-8 (with or without BOM), `;` or `,` between fields, a header row first. */
export const importBody = z
  .string()
  .max(IMPORT_MAX_BYTES)
  .describe('CSV, UTF-8 with or without BOM, `;` or `,` between fields, a header row first (see the README for the columns).')
  .meta({
    examples: [
      'hprNumber;name;employmentForm;position;positionPercent;startDate;signedOn;status\n' +
        '9144321;Ingrid Hætta;salaried;gp;100;2026-09-01;2026-08-15;active\n',
    ],
  });
