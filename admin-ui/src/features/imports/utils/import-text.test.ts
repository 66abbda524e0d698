import type { ImportReport } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { columnLabel, headerErrorText, reportSummary, rowErrorText } from './import-text';

describe('import texts', () => {
  it('words a row error in Norwegian from its code and params', () => {
    expect(rowErrorText({ line: 3, column: 'hprNumber', code: 'invalid_format', message: 'x', params: { format: 'hpr_number' } })).toBe(
      'Må være et HPR-nummer (7–9 siffer)',
    );
    expect(rowErrorText({ line: 4, column: 'startDate', code: 'not_allowed', message: 'x', params: { reason: 'open_agreement_exists' } })).toContain(
      'åpen avtale',
    );
    expect(rowErrorText({ line: 5, column: null, code: 'brand_new_code', message: 'x', params: {} })).toBe('Ugyldig verdi');
  });

  it('names columns in Norwegian, by either name', () => {
    expect(columnLabel('positionPercent')).toBe('Stillingsprosent');
    expect(columnLabel('startdato')).toBe('Startdato');
    expect(columnLabel(null)).toBe('Hele raden');
  });

  it('explains a header that lacks or has unknown columns', () => {
    expect(headerErrorText({ path: 'startDate', code: 'required', message: 'x', params: {} })).toBe('Kolonnen «Startdato» mangler.');
    expect(headerErrorText({ path: 'fødselsnummer', code: 'unknown_field', message: 'x', params: {} })).toBe('Ukjent kolonne «fødselsnummer».');
  });

  it('sums up the counts', () => {
    const report: ImportReport = {
      kommunenummer: '1818',
      mode: 'all',
      dryRun: true,
      imported: false,
      rows: 3,
      validRows: 3,
      doctors: { created: 1, linked: 2 },
      agreements: { created: 2, skipped: 1 },
      errors: [],
    };
    expect(reportSummary(report)).toBe('1 ny lege, 2 rader koblet til lege som alt er registrert, 2 nye avtaler, 1 avtale hoppet over (finnes fra før).');
  });
});
