import { parse } from 'csv-parse/sync';
import {
  type FieldError,
  IMPORT_COLUMNS,
  IMPORT_VALUE_ALIASES,
  type ImportColumn,
  type ImportRowError,
  createAgreementRequest,
  createDoctorRequest,
  fieldErrorsFromIssues,
  fieldIssue,
  importAgreementStatuses,
  importColumnOf,
  importHeaderKey,
} from '@alis/shared';
import { z } from 'zod';
import { AppError, invalid } from '../../lib/app-error.js';
import { trainingOrderIssue } from '../doctors/doctors.service.js';

/**
 * Reading an import file: CSV text to rows of cells by column, then each row to the doctor and the
 * agreement it describes, checked by the contract's own schemas and rules. Pure: what the database
 * holds is checked by the service.
 */

export interface CsvRow {
  /** Line of the file where the row starts (the header is line 1). */
  line: number;
  cells: Partial<Record<ImportColumn, string>>;
}

/** The field separator: `;` or `,`, whichever the header row (outside quotes) has more of. */
export function delimiterOf(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return semicolons > commas ? ';' : ',';
}

type Parsed = { record: string[]; raw: string; info: { lines: number } };

/**
 * The line a record starts on. `info.lines` is the line it ends on; its raw text, less the blank
 * lines skipped before it and its own line break, has one more line break per extra line it spans.
 */
const startLine = ({ raw, info }: Parsed) => info.lines - (raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g)?.length ?? 0);

/** The file's rows by column; a file that cannot be read as the documented CSV is 400 naming why. */
export function readCsv(text: string): CsvRow[] {
  let records: Parsed[];
  // One kind of line break (CR LF and CR become LF, also inside quoted fields), so lines count alike everywhere.
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  try {
    records = parse(normalised, {
      delimiter: delimiterOf(normalised),
      info: true,
      raw: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as unknown as Parsed[];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    const where = typeof line === 'number' ? ` (line ${line})` : '';
    // The parser's message may quote the whole offending field ("value is …"): say where and why, not the field.
    const why = (error as Error).message.replace(/^Invalid [^:]*: /, '').replace(/, value is [\s\S]*$/, '').slice(0, 500);
    throw new AppError('bad_request', `The file cannot be read as CSV${where}: ${why}`);
  }
  const [header, ...data] = records;
  if (!header) throw invalid([fieldIssue({ path: '', code: 'required', message: 'the file is empty: it needs a header row and a row per agreement' })]);
  const columns = header.record.map((name) => importColumnOf(name));
  const problems: FieldError[] = [];
  header.record.forEach((name, index) => {
    if (columns[index] === undefined) {
      // A header cell can be as long as the file: name it by its start, so that the problem stays within its schema's bounds.
      const shown = name.length > 100 ? `${name.slice(0, 100)}…` : name;
      problems.push(fieldIssue({ path: shown, code: 'unknown_field', message: `unknown column "${shown}"` }));
    }
    else if (columns.indexOf(columns[index]) !== index) {
      problems.push(fieldIssue({ path: name, code: 'invalid', message: `the column ${columns[index]} comes twice` }));
    }
  });
  for (const column of IMPORT_COLUMNS) {
    if (column.required && !columns.includes(column.name)) {
      problems.push(fieldIssue({ path: column.name, code: 'required', message: `the column ${column.name} (${column.norwegian}) is missing` }));
    }
  }
  if (problems.length > 0) throw invalid(problems, 'The header row of the file does not have the documented columns.');
  return data.map((parsed) => {
    const cells: Partial<Record<ImportColumn, string>> = {};
    columns.forEach((column, index) => {
      const value = parsed.record[index];
      if (column && value !== undefined && value !== '') cells[column] = value;
    });
    return { line: startLine(parsed), cells };
  });
}

/** A date as `YYYY-MM-DD`, also from Norwegian `DD.MM.YYYY`. */
const isoDay = (value: string) => {
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  return norwegian ? `${norwegian[3]}-${norwegian[2]?.padStart(2, '0')}-${norwegian[1]?.padStart(2, '0')}` : value;
};

const BOOLEANS: Record<string, boolean> = { true: true, false: false, ja: true, nei: false, '1': true, '0': false, yes: true, no: false };

/** A cell as the value its field takes (text stays text when it is not one: the schema then says what is wrong). */
function valueOf(column: ImportColumn, cell: string): unknown {
  const alias = IMPORT_VALUE_ALIASES[column]?.[importHeaderKey(cell)];
  if (alias) return alias;
  switch (column) {
    case 'positionPercent': {
      const digits = cell.replace(/\s*%$/, '');
      return /^\d{1,3}$/.test(digits) ? Number(digits) : cell;
    }
    case 'viaStaffingAgency':
      return BOOLEANS[cell.toLowerCase()] ?? cell;
    case 'lis1CompletedOn':
    case 'specialistApprovedOn':
    case 'startDate':
    case 'signedOn':
      return isoDay(cell);
    default:
      return cell;
  }
}

const DOCTOR_FIELDS = ['hprNumber', 'name', 'email', 'phone', 'lis1CompletedOn', 'specialistApprovedOn', 'scheme'] as const;
const AGREEMENT_FIELDS = ['employmentForm', 'position', 'positionPercent', 'startDate', 'signedOn', 'viaStaffingAgency', 'notes'] as const;

/** An agreement as the create endpoint takes it, less the doctor (known once the doctor is found or made). */
const agreementOfRow = createAgreementRequest.omit({ doctorId: true });
const statusOfRow = z.enum(importAgreementStatuses).default('draft');

export interface ImportRow {
  line: number;
  doctor: z.output<typeof createDoctorRequest>;
  agreement: z.output<typeof agreementOfRow> & { status: (typeof importAgreementStatuses)[number] };
}

const fieldsOf = (row: CsvRow, fields: readonly ImportColumn[]) =>
  Object.fromEntries(fields.flatMap((field) => (row.cells[field] === undefined ? [] : [[field, valueOf(field, row.cells[field])]])));

/** A field error of a row, as the report shows it. */
export const rowError = (line: number, error: FieldError): ImportRowError => ({
  line,
  column: error.path === '' ? null : (error.path.split('.')[0] ?? null),
  code: error.code,
  message: error.message,
  params: error.params as ImportRowError['params'],
});

/** One row checked as the doctor and agreement endpoints check their bodies, with the rules they apply. */
export function checkRow(row: CsvRow, kommunenummer: string): { row: ImportRow } | { errors: ImportRowError[] } {
  const doctor = createDoctorRequest.safeParse(fieldsOf(row, DOCTOR_FIELDS));
  const agreement = agreementOfRow.safeParse({ kommunenummer, ...fieldsOf(row, AGREEMENT_FIELDS) });
  const status = statusOfRow.safeParse(row.cells.status === undefined ? undefined : valueOf('status', row.cells.status));
  const problems: FieldError[] = [
    ...(doctor.success ? [] : fieldErrorsFromIssues(doctor.error.issues)),
    ...(agreement.success ? [] : fieldErrorsFromIssues(agreement.error.issues)),
    ...(status.success ? [] : fieldErrorsFromIssues(status.error.issues).map((error) => ({ ...error, path: 'status' }))),
  ];
  if (doctor.success) {
    const order = trainingOrderIssue(doctor.data.lis1CompletedOn ?? null, doctor.data.specialistApprovedOn ?? null);
    if (order) problems.push(order);
  }
  // As the transition to active asks: an active agreement has been signed.
  if (status.success && status.data === 'active' && agreement.success && !agreement.data.signedOn) {
    problems.push(fieldIssue({ path: 'signedOn', code: 'required', message: 'an active agreement needs the date it was signed' }));
  }
  if (problems.length > 0 || !doctor.success || !agreement.success || !status.success) {
    return { errors: problems.map((problem) => rowError(row.line, problem)) };
  }
  return { row: { line: row.line, doctor: doctor.data, agreement: { ...agreement.data, status: status.data } } };
}
