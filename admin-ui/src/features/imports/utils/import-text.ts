import { type FieldError, type ImportColumn, type ImportReport, type ImportRowError, fieldError, importColumnOf } from '@alis/shared';
import { fieldErrorText } from '../../../lib/field-error-text';
import { formatInteger } from '../../../lib/format';

/** The columns of an import file in Norwegian, as the page shows them. */
export const COLUMN_LABELS: Readonly<Record<ImportColumn, string>> = {
  hprNumber: 'HPR-nummer',
  name: 'Navn',
  email: 'E-post',
  phone: 'Telefon',
  lis1CompletedOn: 'LIS1 fullført',
  specialistApprovedOn: 'Spesialistgodkjent',
  scheme: 'Ordning',
  employmentForm: 'Ansettelsesform',
  position: 'Stilling',
  positionPercent: 'Stillingsprosent',
  startDate: 'Startdato',
  signedOn: 'Signert',
  status: 'Status',
  viaStaffingAgency: 'Vikarbyrå',
  notes: 'Merknad',
};

/** A column by the name the API gives it (its English one), in Norwegian; a name it does not know as written. */
export function columnLabel(column: string | null): string {
  if (column === null) return 'Hele raden';
  const known = importColumnOf(column);
  return known ? COLUMN_LABELS[known] : column;
}

/** What is wrong with a row's cell, in Norwegian, from the error's stable code and params. */
export function rowErrorText(error: ImportRowError): string {
  const parsed = fieldError.safeParse({ path: error.column ?? '', code: error.code, message: error.message, params: error.params });
  return parsed.success ? fieldErrorText(parsed.data as FieldError) : 'Ugyldig verdi';
}

/** A problem with the file's header row (400 `validation_failed`), in Norwegian. */
export function headerErrorText(error: FieldError): string {
  if (error.code === 'required' && error.path === '') return 'Filen er tom: den trenger en overskriftsrad og én rad per avtale.';
  if (error.code === 'required') return `Kolonnen «${columnLabel(error.path)}» mangler.`;
  if (error.code === 'unknown_field') return `Ukjent kolonne «${error.path}».`;
  return `Kolonnen «${columnLabel(error.path)}»: ${fieldErrorText(error)}.`;
}

const count = (value: number, one: string, many: string) => `${formatInteger(value)} ${value === 1 ? one : many}`;

/** One sentence on what an import did, or (dry run) would do. */
export function reportSummary(report: ImportReport): string {
  const parts = [
    count(report.doctors.created, 'ny lege', 'nye leger'),
    `${count(report.doctors.linked, 'rad', 'rader')} koblet til lege som alt er registrert`,
    count(report.agreements.created, 'ny avtale', 'nye avtaler'),
    `${count(report.agreements.skipped, 'avtale', 'avtaler')} hoppet over (finnes fra før)`,
  ];
  return `${parts.join(', ')}.`;
}
