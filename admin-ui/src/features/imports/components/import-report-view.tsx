import type { ImportReport } from '@alis/shared';
import { DetailsList } from '../../../components/details-list';
import { formatInteger } from '../../../lib/format';
import { columnLabel, rowErrorText } from '../utils/import-text';

/** The counts of a report and, when there are any, every invalid row by line and column. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <>
      <DetailsList
        testId="import-counts"
        rows={[
          ['Rader i filen', formatInteger(report.rows)],
          ['Gyldige rader', formatInteger(report.validRows)],
          [report.imported ? 'Nye leger' : 'Nye leger (blir opprettet)', formatInteger(report.doctors.created)],
          ['Koblet til lege som alt er registrert', formatInteger(report.doctors.linked)],
          [report.imported ? 'Nye avtaler' : 'Nye avtaler (blir opprettet)', formatInteger(report.agreements.created)],
          ['Avtaler som finnes fra før (hoppes over)', formatInteger(report.agreements.skipped)],
        ]}
      />
      {report.errors.length > 0 ? (
        <div className="table-wrap" style={{ marginTop: '1rem' }}>
          <table className="table" data-testid="import-errors">
            <caption className="visually-hidden">Feil i filen, per linje og kolonne</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  Linje
                </th>
                <th scope="col">Kolonne</th>
                <th scope="col">Feil</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((error, index) => (
                <tr key={`${error.line}-${error.column ?? ''}-${index}`}>
                  <td className="numeric">{error.line}</td>
                  <td>{columnLabel(error.column)}</td>
                  <td>{rowErrorText(error)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
