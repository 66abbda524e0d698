import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/app-error.js';
import { checkRow, delimiterOf, readCsv } from './import-file.js';

describe('reading an import file', () => {
  it('takes the separator the header row has more of, outside quotes', () => {
    expect(delimiterOf('a;b;c\n1,2;3')).toBe(';');
    expect(delimiterOf('a,b,c\n1;2;3;4')).toBe(',');
    expect(delimiterOf('"a;b;c",d,e\n')).toBe(',');
    expect(delimiterOf('hprNumber')).toBe(',');
  });

  it('gives each row the line it starts on, also after quoted line breaks and blank lines', () => {
    const header = 'hprNumber;name;employmentForm;position;positionPercent;startDate;notes\n';
    const rows = readCsv(`${header}\n9100001;"Kari\nNordmann";a;b;1;d;x\n9100002;Per;a;b;1;d;"a\r\nb"\n9100003;Ola;a;b;1;d;\n`);
    expect(rows.map((row) => row.line)).toEqual([3, 5, 7]);
    expect(rows[0]?.cells).toMatchObject({ hprNumber: '9100001', name: 'Kari\nNordmann', notes: 'x' });
    expect(rows[1]?.cells).toMatchObject({ notes: 'a\nb' });
    expect(rows[2]?.cells).not.toHaveProperty('notes');
    // The same with Windows line breaks throughout.
    const crlf = readCsv(`${header}\n9100001;"Kari\nNordmann";a;b;1;d;x\n9100002;Per;a;b;1;d;"a\nb"\n9100003;Ola;a;b;1;d;\n`.replace(/\n/g, '\r\n'));
    expect(crlf.map((row) => row.line)).toEqual([3, 5, 7]);
  });

  it('matches headers by English or Norwegian name, ignoring case, spaces, dashes and æøå', () => {
    const [row] = readCsv('HPR-nummer,NAVN,Ansettelses form,stilling,Stillings_prosent,start dato,Vikarbyrå\n9100001,A,x,y,1,2026-01-01,ja\n');
    expect(Object.keys(row?.cells ?? {})).toEqual(['hprNumber', 'name', 'employmentForm', 'position', 'positionPercent', 'startDate', 'viaStaffingAgency']);
  });

  it('refuses a header row naming a column twice', () => {
    expect(() => readCsv('hprNumber,hprnummer,name,employmentForm,position,positionPercent,startDate\n')).toThrow(AppError);
  });
});

describe('checking a row', () => {
  const row = (cells: Record<string, string>) => ({
    line: 2,
    cells: { hprNumber: '0009100001', name: 'Kari', employmentForm: 'salaried', position: 'gp', positionPercent: '100', startDate: '2026-01-01', ...cells },
  });

  it('gives the doctor and agreement in the API\'s own form', () => {
    const checked = checkRow(row({ positionPercent: '80 %', startDate: '01.02.2026', status: 'Aktiv', signedOn: '5.1.2026' }), '1818');
    expect(checked).toEqual({
      row: {
        line: 2,
        doctor: { hprNumber: '9100001', name: 'Kari', scheme: 'new' },
        agreement: {
          kommunenummer: '1818',
          employmentForm: 'salaried',
          position: 'gp',
          positionPercent: 80,
          startDate: '2026-02-01',
          signedOn: '2026-01-05',
          viaStaffingAgency: false,
          status: 'active',
        },
      },
    });
  });

  it('applies the doctors\' rule on LIS1 before the specialist approval', () => {
    expect(checkRow(row({ lis1CompletedOn: '2026-01-02', specialistApprovedOn: '2025-01-01' }), '1818')).toMatchObject({
      errors: [{ line: 2, column: 'lis1CompletedOn', code: 'too_late' }],
    });
  });

  it('reports each bad cell by its column', () => {
    expect(checkRow(row({ positionPercent: 'full', viaStaffingAgency: 'kanskje', status: 'ferdig' }), '1818')).toMatchObject({
      errors: [
        { column: 'positionPercent', code: 'invalid_type' },
        { column: 'viaStaffingAgency', code: 'invalid_type' },
        { column: 'status', code: 'invalid_value' },
      ],
    });
  });
});
