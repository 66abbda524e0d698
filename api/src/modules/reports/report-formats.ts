import type { ComplianceKind, ComplianceReport, GrantFigures, GrantsReport, OverviewReport, OverviewRow, ReportCount, ReportGrouping } from '@alis/shared';
import { reportedGrantStatuses } from '@alis/shared';
import { stringify } from 'csv-stringify/sync';

/**
 * The reports as CSV (UTF-8 with BOM, `;`-separated, decimal comma: what Norwegian Excel opens) and
 * as JSON-stat 2.0 (Statistics Norway's format) with Norwegian labels. A suppressed value is `:` in
 * CSV and `null` with status `:` in JSON-stat, as Statistics Norway marks them.
 */

export const SUPPRESSED_MARK = ':';
const BOM = '\uFEFF';

const csv = (header: string[], rows: (string | number | null)[][]) =>
  BOM + stringify([header, ...rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))], { delimiter: ';', record_delimiter: '\r\n' });

const countCell = (count: ReportCount) => (count.suppressed ? SUPPRESSED_MARK : count.value);
const decimal = (value: number | null) => (value === null ? null : value.toFixed(2).replace('.', ','));

const GROUP_LABEL: Record<ReportGrouping, string> = { office: 'ALIS-kontor', county: 'Fylke', municipality: 'Kommune', size_band: 'Kommunestørrelse (innbyggere)' };

/** The overview's figures in order: JSON-stat code, Norwegian label, and how to read it from a row. */
const OVERVIEW_FIGURES: { code: string; label: string; read: (row: OverviewRow) => ReportCount | number | null }[] = [
  { code: 'Kommuner', label: 'Kommuner', read: (row) => row.municipalities },
  { code: 'IkkeRegistrert', label: 'Kommuner ikke registrert', read: (row) => row.municipalitiesByStatus.not_registered },
  { code: 'Forbereder', label: 'Kommuner som forbereder søknad', read: (row) => row.municipalitiesByStatus.preparing },
  { code: 'Soekt', label: 'Kommuner som har søkt', read: (row) => row.municipalitiesByStatus.applied },
  { code: 'Registrert', label: 'Kommuner registrert', read: (row) => row.municipalitiesByStatus.registered },
  { code: 'Avslaatt', label: 'Kommuner avslått', read: (row) => row.municipalitiesByStatus.rejected },
  { code: 'Avregistrert', label: 'Kommuner avregistrert', read: (row) => row.municipalitiesByStatus.deregistered },
  { code: 'KommunerMedALIS', label: 'Kommuner med minst én aktiv ALIS', read: (row) => row.municipalitiesWithActiveAlis },
  { code: 'AktiveAvtaler', label: 'Aktive ALIS-avtaler', read: (row) => row.activeAgreements },
  { code: 'Fastloennet', label: 'Aktive avtaler, fastlønnet', read: (row) => row.activeAgreementsByEmploymentForm.salaried },
  { code: 'Naeringsdrivende', label: 'Aktive avtaler, næringsdrivende', read: (row) => row.activeAgreementsByEmploymentForm.self_employed },
  { code: 'Fastlege', label: 'Aktive avtaler, fastlege', read: (row) => row.activeAgreementsByPosition.gp },
  { code: 'Fastlegevikar', label: 'Aktive avtaler, fastlegevikar', read: (row) => row.activeAgreementsByPosition.gp_locum },
  { code: 'Introduksjonslege', label: 'Aktive avtaler, introduksjonslege', read: (row) => row.activeAgreementsByPosition.introduction },
  { code: 'AnnenStilling', label: 'Aktive avtaler, annen allmennlegestilling', read: (row) => row.activeAgreementsByPosition.other },
  { code: 'Startet', label: 'Avtaler startet i året', read: (row) => row.agreementsStarted },
  { code: 'Avsluttet', label: 'Avtaler avsluttet i året', read: (row) => row.agreementsEnded },
  { code: 'ALISMedVeileder', label: 'ALIS med veileder', read: (row) => row.alisWithVeileder },
  { code: 'Veiledere', label: 'Veiledere', read: (row) => row.veiledere },
  { code: 'KvalifiserteVeiledere', label: 'Kvalifiserte veiledere', read: (row) => row.qualifiedVeiledere },
  { code: 'ALISPerVeileder', label: 'ALIS per veileder', read: (row) => row.alisPerVeileder },
];

const asCell = (value: ReportCount | number | null) => (value !== null && typeof value === 'object' ? value : { value, suppressed: false });

export function overviewCsv(report: OverviewReport): string {
  const rows = [...report.rows, report.total].map((row) => [
    row.key,
    row.label,
    ...OVERVIEW_FIGURES.map((figure) => {
      const cell = asCell(figure.read(row));
      if (cell.suppressed) return SUPPRESSED_MARK;
      return figure.code === 'ALISPerVeileder' ? decimal(cell.value) : cell.value;
    }),
  ]);
  return csv(['Kode', GROUP_LABEL[report.groupBy], ...OVERVIEW_FIGURES.map((figure) => figure.label)], rows);
}

interface Dimension {
  label: string;
  category: { index: Record<string, number>; label: Record<string, string>; unit?: Record<string, { decimals: number; label: string }> };
}

const dimension = (label: string, entries: { key: string; label: string }[]): Dimension => ({
  label,
  category: {
    index: Object.fromEntries(entries.map((entry, index) => [entry.key, index])),
    label: Object.fromEntries(entries.map((entry) => [entry.key, entry.label])),
  },
});

/** A JSON-stat 2.0 dataset from its dimensions (in order) and a value per cell in row-major order. */
function dataset(label: string, dimensions: [string, Dimension][], cells: { value: number | null; suppressed: boolean }[], extension: Record<string, unknown>) {
  const status: Record<string, string> = {};
  cells.forEach((cell, index) => {
    if (cell.suppressed) status[String(index)] = SUPPRESSED_MARK;
  });
  return {
    version: '2.0',
    class: 'dataset',
    label,
    source: 'ALIS-registeret',
    note: ['Prikket (:) = skjult av personvernhensyn (verdien er mellom 1 og terskelen − 1, eller skjult for at en slik ikke skal kunne regnes ut).'],
    id: dimensions.map(([id]) => id),
    size: dimensions.map(([, dim]) => Object.keys(dim.category.index).length),
    role: { time: ['Tid'], metric: ['ContentsCode'] },
    dimension: Object.fromEntries(dimensions),
    value: cells.map((cell) => (cell.suppressed ? null : cell.value)),
    status,
    extension,
  };
}

export function overviewJsonStat(report: OverviewReport) {
  const rows = [...report.rows, report.total];
  const contents = dimension(
    'statistikkvariabel',
    OVERVIEW_FIGURES.map((figure) => ({ key: figure.code, label: figure.label })),
  );
  contents.category.unit = Object.fromEntries(
    OVERVIEW_FIGURES.map((figure) => [figure.code, figure.code === 'ALISPerVeileder' ? { decimals: 2, label: 'ALIS per veileder' } : { decimals: 0, label: 'antall' }]),
  );
  return dataset(
    `ALIS-oversikt etter ${GROUP_LABEL[report.groupBy].toLowerCase()} per ${report.asOf}`,
    [
      ['Tid', dimension('dato', [{ key: report.asOf, label: report.asOf }])],
      ['Gruppe', dimension(GROUP_LABEL[report.groupBy].toLowerCase(), rows.map((row) => ({ key: row.key, label: row.label })))],
      ['ContentsCode', contents],
    ],
    rows.flatMap((row) => OVERVIEW_FIGURES.map((figure) => asCell(figure.read(row)))),
    { disclosure: report.disclosure, yearFrom: report.yearFrom, officeCode: report.officeCode },
  );
}

const GRANT_STATUS_LABEL: Record<(typeof reportedGrantStatuses)[number] | 'all', string> = {
  all: 'Alle',
  submitted: 'Sendt',
  granted: 'Innvilget',
  partially_granted: 'Delvis innvilget',
  rejected: 'Avslått',
  paid: 'Utbetalt',
  withdrawn: 'Trukket',
};

const GRANT_FIGURES: { code: string; label: string; read: (figures: GrantFigures) => ReportCount | number }[] = [
  { code: 'Soeknader', label: 'Søknader', read: (figures) => figures.applications },
  { code: 'Linjer', label: 'ALIS-linjer', read: (figures) => figures.lines },
  { code: 'SoektKr', label: 'Søkt beløp (kr)', read: (figures) => figures.appliedNok },
  { code: 'InnvilgetKr', label: 'Innvilget beløp (kr)', read: (figures) => figures.grantedNok },
  { code: 'UtbetaltKr', label: 'Utbetalt beløp (kr)', read: (figures) => figures.paidNok },
];

const grantStatusEntries = (row: GrantsReport['total']) =>
  [['all', row] as const, ...reportedGrantStatuses.map((status) => [status, row.byStatus[status]] as const)];

export function grantsCsv(report: GrantsReport): string {
  const rows = [...report.rows, report.total].flatMap((row) =>
    grantStatusEntries(row).map(([status, figures]) => [
      row.key,
      row.label,
      GRANT_STATUS_LABEL[status],
      ...GRANT_FIGURES.map((figure) => countCell(asCell(figure.read(figures)))),
      status === 'all' ? row.certificatesOverdue : null,
    ]),
  );
  return csv(['Kode', GROUP_LABEL[report.groupBy], 'Status', ...GRANT_FIGURES.map((figure) => figure.label), 'Revisorattester forfalt'], rows);
}

export function grantsJsonStat(report: GrantsReport) {
  const rows = [...report.rows, report.total];
  const statuses = (['all', ...reportedGrantStatuses] as const).map((status) => ({ key: status, label: GRANT_STATUS_LABEL[status] }));
  return dataset(
    `Tilskudd ${report.scheme.name} etter ${GROUP_LABEL[report.groupBy].toLowerCase()} og status`,
    [
      ['Tid', dimension('ordning', [{ key: report.scheme.code, label: `${report.scheme.name} (${report.scheme.periodFrom}–${report.scheme.periodTo})` }])],
      ['Gruppe', dimension(GROUP_LABEL[report.groupBy].toLowerCase(), rows.map((row) => ({ key: row.key, label: row.label })))],
      ['Status', dimension('status', statuses)],
      ['ContentsCode', dimension('statistikkvariabel', GRANT_FIGURES.map((figure) => ({ key: figure.code, label: figure.label })))],
    ],
    rows.flatMap((row) => grantStatusEntries(row).flatMap(([, figures]) => GRANT_FIGURES.map((figure) => asCell(figure.read(figures))))),
    { disclosure: report.disclosure, asOf: report.asOf, officeCode: report.officeCode, certificatesOverdue: Object.fromEntries(rows.map((row) => [row.key, row.certificatesOverdue])) },
  );
}

export const COMPLIANCE_LABEL: Record<ComplianceKind, string> = {
  agreement_in_unregistered_municipality: 'Aktiv avtale i kommune som ikke er registrert (eller har søkt)',
  agreement_without_veileder: 'Avtale uten veileder i mer enn 30 dager',
  veileder_not_qualified: 'Veileder ikke kvalifisert',
  veileder_over_capacity: 'Veileder over kapasitet',
  certificate_overdue: 'Revisorattest forfalt',
  agreement_ending_soon: 'Avtale slutter innen 6 måneder',
};

export function complianceCsv(report: ComplianceReport): string {
  return csv(
    ['Type', 'Kommunenummer', 'Kommune', 'ALIS-kontor', 'Lege', 'Veileder', 'Dato', 'Antall', 'Kapasitet', 'Sak'],
    report.items.map((item) => [
      COMPLIANCE_LABEL[item.kind],
      item.kommunenummer,
      item.municipalityName,
      item.officeCode,
      item.doctorName,
      item.supervisorName,
      item.date,
      item.count,
      item.capacity,
      item.href,
    ]),
  );
}
