import { type OverviewReport, registrationStatuses } from '@alis/shared';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '../../../lib/format';
import { REGISTRATION_STATUS_LABELS } from '../../../entities/registrations/utils/labels';
import { countValue, formatCount } from '../utils/report-values';
import { ChartFigure } from './chart-figure';

const HEIGHT = 260;
const COLOR = '#1f5f8b';

/** Active agreements per group (office, or county for an office), as bars and as a table. */
export function AgreementsByGroupChart({ report, groupLabel }: { report: OverviewReport; groupLabel: string }) {
  const data = report.rows.map((row) => ({ name: row.label, value: countValue(row.activeAgreements) }));
  return (
    <ChartFigure
      id="by-group"
      title={`Aktive ALIS-avtaler per ${groupLabel.toLowerCase()}`}
      summary={report.rows.map((row) => `${row.label}: ${formatCount(row.activeAgreements)}`).join('; ')}
      chart={
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart accessibilityLayer={false} data={data} margin={{ left: 8, right: 8, bottom: 48 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" angle={-30} textAnchor="end" interval={0} height={60} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="value" name="Aktive avtaler" fill={COLOR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      rowLabel={groupLabel}
      rows={report.rows.map((row) => row.label)}
      columns={[
        { label: 'Aktive avtaler', values: report.rows.map((row) => formatCount(row.activeAgreements)) },
        { label: 'Kommuner med ALIS', values: report.rows.map((row) => formatCount(row.municipalitiesWithActiveAlis)) },
      ]}
    />
  );
}

/** How many municipalities have each registration status on the day. */
export function RegistrationMixChart({ report }: { report: OverviewReport }) {
  const byStatus = report.total.municipalitiesByStatus;
  const data = registrationStatuses.map((status) => ({ name: REGISTRATION_STATUS_LABELS[status], value: byStatus[status] }));
  return (
    <ChartFigure
      id="registration-mix"
      title="Kommunenes registreringsstatus"
      summary={data.map((entry) => `${entry.name}: ${entry.value}`).join('; ')}
      chart={
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ left: 24, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={140} />
            <Tooltip />
            <Bar dataKey="value" name="Kommuner" fill={COLOR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      rowLabel="Status"
      rows={data.map((entry) => entry.name)}
      columns={[{ label: 'Kommuner', values: data.map((entry) => formatCount(entry.value)) }]}
    />
  );
}

/** Active agreements on the first of each month up to the day. */
export function AgreementsOverTimeChart({ points }: { points: readonly { asOf: string; report: OverviewReport }[] }) {
  const data = points.map(({ asOf, report }) => ({ name: formatDate(asOf), value: countValue(report.total.activeAgreements) }));
  return (
    <ChartFigure
      id="over-time"
      title="Aktive ALIS-avtaler over tid"
      summary={points.map(({ asOf, report }) => `${formatDate(asOf)}: ${formatCount(report.total.activeAgreements)}`).join('; ')}
      chart={
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <LineChart accessibilityLayer={false} data={data} margin={{ left: 8, right: 16, bottom: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Line type="monotone" dataKey="value" name="Aktive avtaler" stroke={COLOR} isAnimationActive={false} connectNulls={false} />
          </LineChart>
        </ResponsiveContainer>
      }
      rowLabel="Dato"
      rows={points.map(({ asOf }) => formatDate(asOf))}
      columns={[{ label: 'Aktive avtaler', values: points.map(({ report }) => formatCount(report.total.activeAgreements)) }]}
    />
  );
}
