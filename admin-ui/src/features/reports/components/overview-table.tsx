import type { OverviewReport } from '@alis/shared';
import { formatCount } from '../utils/report-values';
import { CsvButton } from './csv-button';
import { FigureTable } from './figure-table';

const COLUMNS: { label: string; read: (row: OverviewReport['total']) => string }[] = [
  { label: 'Kommuner', read: (row) => formatCount(row.municipalities) },
  { label: 'Registrert', read: (row) => formatCount(row.municipalitiesByStatus.registered) },
  { label: 'Søkt', read: (row) => formatCount(row.municipalitiesByStatus.applied) },
  { label: 'Med aktiv ALIS', read: (row) => formatCount(row.municipalitiesWithActiveAlis) },
  { label: 'Aktive avtaler', read: (row) => formatCount(row.activeAgreements) },
  { label: 'Fastlønnet', read: (row) => formatCount(row.activeAgreementsByEmploymentForm.salaried) },
  { label: 'Næringsdrivende', read: (row) => formatCount(row.activeAgreementsByEmploymentForm.self_employed) },
  { label: 'Startet i år', read: (row) => formatCount(row.agreementsStarted) },
  { label: 'Avsluttet i år', read: (row) => formatCount(row.agreementsEnded) },
  { label: 'Med veileder', read: (row) => formatCount(row.alisWithVeileder) },
  { label: 'Veiledere', read: (row) => formatCount(row.veiledere) },
  { label: 'Kvalifiserte', read: (row) => formatCount(row.qualifiedVeiledere) },
];

/** The overview per group with its total, and its CSV. */
export function OverviewTable({ report, groupLabel }: { report: OverviewReport; groupLabel: string }) {
  return (
    <section aria-labelledby="overview-table-heading" className="card">
      <div className="page-header">
        <h2 id="overview-table-heading">Tall per {groupLabel.toLowerCase()}</h2>
        <CsvButton
          label="Last ned CSV"
          download={{ path: '/reports/overview', query: { asOf: report.asOf, groupBy: report.groupBy }, fileName: `alis-oversikt-${report.asOf}.csv` }}
        />
      </div>
      {report.disclosure.applied ? (
        <p className="muted small">
          Tall fra 1 til {report.disclosure.threshold - 1} om personer er skjult («:»), og noen flere slik at de ikke kan regnes ut.
        </p>
      ) : null}
      <FigureTable
        rowLabel={groupLabel}
        columns={COLUMNS.map((column) => column.label)}
        rows={[...report.rows, report.total].map((row) => ({ key: row.key, label: row.label, cells: COLUMNS.map((column) => column.read(row)) }))}
      />
    </section>
  );
}
