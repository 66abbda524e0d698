import {
  type CentralityClassKey,
  type FieldError,
  type GrantLineType,
  type GrantScheme,
  type RateTable,
  centralityClasses,
  createGrantSchemeRequest,
  defaultCertificateDueDate,
  grantLineTypes,
  schemeDateErrors,
  updateGrantSchemeRequest,
} from '@alis/shared';
import type { z } from 'zod';
import { type Changes, type Validation, isShapeError, parseWholeNumber, splitFieldErrors, textOrNull, validateWith } from '../../../lib/form';
import { LINE_TYPE_LABELS } from '../../../entities/grants/utils/labels';

/** The rate table as typed: one text per cell. */
export type RateCells = Record<GrantLineType, Record<CentralityClassKey, string>>;

export interface SchemeFormValues {
  code: string;
  name: string;
  description: string;
  periodFrom: string;
  periodTo: string;
  applicationDeadline: string;
  expectedDecisionDate: string;
  auditorCertificateDueDate: string;
  annualRatesNok: RateCells;
}

export type SchemeField = keyof SchemeFormValues;

export const SCHEME_FIELD_LABELS: Record<SchemeField, string> = {
  code: 'Kode',
  name: 'Navn',
  description: 'Beskrivelse',
  periodFrom: 'Perioden fra',
  periodTo: 'Perioden til',
  applicationDeadline: 'Søknadsfrist',
  expectedDecisionDate: 'Forventet vedtak',
  auditorCertificateDueDate: 'Frist for revisorattest',
  annualRatesNok: 'Satser',
};
export const SCHEME_FIELDS = Object.keys(SCHEME_FIELD_LABELS) as SchemeField[];
const DATE_FIELDS = ['periodFrom', 'periodTo', 'applicationDeadline', 'expectedDecisionDate', 'auditorCertificateDueDate'] as const;

const cellsOf = (table: RateTable): RateCells =>
  Object.fromEntries(grantLineTypes.map((type) => [type, Object.fromEntries(centralityClasses.map((key) => [key, String(table[type][key])]))])) as RateCells;

/** The table as numbers; a cell that is not a whole number is NaN for the schema to refuse. */
export const ratesOf = (cells: RateCells) =>
  Object.fromEntries(
    grantLineTypes.map((type) => [type, Object.fromEntries(centralityClasses.map((key) => [key, parseWholeNumber(cells[type][key].replace(/kr/gi, '')) ?? Number.NaN]))]),
  ) as RateTable;

export function toSchemeFormValues(scheme: GrantScheme): SchemeFormValues {
  return {
    code: scheme.code,
    name: scheme.name,
    description: scheme.description ?? '',
    periodFrom: scheme.periodFrom,
    periodTo: scheme.periodTo,
    applicationDeadline: scheme.applicationDeadline,
    expectedDecisionDate: scheme.expectedDecisionDate,
    auditorCertificateDueDate: scheme.auditorCertificateDueDate,
    annualRatesNok: cellsOf(scheme.annualRatesNok),
  };
}

/** A new scheme for the year after `latest`, with its rates to start from. */
export function newSchemeValues(latest: GrantScheme | undefined, thisYear: number): SchemeFormValues {
  const year = latest ? Number(latest.periodFrom.slice(0, 4)) + 1 : thisYear;
  const expectedDecisionDate = `${year + 1}-06-01`;
  return {
    code: `nasjonal-alis-${year}`,
    name: `Nasjonal ALIS og veiledning ${year}`,
    description: '',
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    applicationDeadline: `${year + 1}-03-01`,
    expectedDecisionDate,
    auditorCertificateDueDate: defaultCertificateDueDate(expectedDecisionDate),
    annualRatesNok: latest ? cellsOf(latest.annualRatesNok) : (Object.fromEntries(grantLineTypes.map((type) => [type, Object.fromEntries(centralityClasses.map((key) => [key, '']))])) as RateCells),
  };
}

/** Norwegian wording of the schema's own errors; a rate cell is named by its line type and class. */
export function schemeMessageFor(field: SchemeField, issue: FieldError): string | undefined {
  if (!isShapeError(issue)) return undefined;
  if (field === 'annualRatesNok') {
    const [, type, key] = issue.path.split('.');
    const known = (grantLineTypes as readonly string[]).includes(type ?? '') ? LINE_TYPE_LABELS[type as GrantLineType] : type;
    const cell = type && key ? `${known}, klasse ${key}: ` : '';
    return `${cell}satsen må være hele kroner fra 0 til 2 000 000`;
  }
  if (field === 'code') return 'Koden må være 2–40 små bokstaver, sifre og bindestreker, for eksempel «nasjonal-alis-2027»';
  if (field === 'name') return 'Skriv inn navnet på ordningen';
  if (field === 'description') return 'Beskrivelsen kan ha høyst 4000 tegn';
  return 'Skriv inn en gyldig dato';
}

/** The dates in order, checked as the API will (the shared `schemeDateErrors`). */
function withDates<B>(validation: Validation<B, SchemeField>, values: SchemeFormValues): Validation<B, SchemeField> {
  const dates = Object.fromEntries(DATE_FIELDS.map((field) => [field, values[field]])) as Record<(typeof DATE_FIELDS)[number], string>;
  if (!validation.ok || DATE_FIELDS.some((field) => !/^\d{4}-\d{2}-\d{2}$/.test(values[field]))) return validation;
  const errors = schemeDateErrors(dates);
  return errors.length === 0 ? validation : { ok: false, ...splitFieldErrors(errors, SCHEME_FIELDS, schemeMessageFor) };
}

/** What differs from the scheme as loaded, in the shape the PATCH body takes (the whole table, when a cell changed). */
export function changedScheme(values: SchemeFormValues, original: GrantScheme): Changes {
  const changes: Changes = {};
  if (values.name.trim() !== original.name) changes.name = values.name;
  if (textOrNull(values.description) !== original.description) changes.description = values.description;
  for (const field of DATE_FIELDS) if (values[field] !== original[field]) changes[field] = values[field];
  if (JSON.stringify(ratesOf(values.annualRatesNok)) !== JSON.stringify(ratesOf(cellsOf(original.annualRatesNok)))) changes.annualRatesNok = ratesOf(values.annualRatesNok);
  return changes;
}

export const validateSchemeChanges = (values: SchemeFormValues, changes: Changes): Validation<z.output<typeof updateGrantSchemeRequest>, SchemeField> =>
  withDates(validateWith(updateGrantSchemeRequest, changes, SCHEME_FIELDS, schemeMessageFor), values);

export function validateNewScheme(values: SchemeFormValues): Validation<z.output<typeof createGrantSchemeRequest>, SchemeField> {
  const body = {
    code: values.code.trim(),
    name: values.name,
    description: values.description,
    periodFrom: values.periodFrom,
    periodTo: values.periodTo,
    applicationDeadline: values.applicationDeadline,
    expectedDecisionDate: values.expectedDecisionDate,
    auditorCertificateDueDate: values.auditorCertificateDueDate,
    annualRatesNok: ratesOf(values.annualRatesNok),
  };
  return withDates(validateWith(createGrantSchemeRequest, body, SCHEME_FIELDS, schemeMessageFor), values);
}
