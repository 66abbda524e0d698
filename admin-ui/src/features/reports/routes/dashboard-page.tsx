import { type OverviewReport, type ReportGrouping, isoDate, todayInNorway } from '@alis/shared';
import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { formatDate } from '../../../lib/format';
import { useSession } from '../../../lib/use-session';
import { useOverviewReport, useOverviewReports } from '../api/get-overview-report';
import { ComplianceList } from '../components/compliance-list';
import { AgreementsByGroupChart, AgreementsOverTimeChart, RegistrationMixChart } from '../components/overview-charts';
import { OverviewTable } from '../components/overview-table';
import { formatCount, monthlyDays } from '../utils/report-values';

const MONTHS = 12;

function FigureCards({ report }: { report: OverviewReport }) {
  const total = report.total;
  const cards: [string, string][] = [
    ['Kommuner', formatCount(total.municipalities)],
    ['Registrert eller søkt', formatCount(total.municipalitiesByStatus.registered + total.municipalitiesByStatus.applied)],
    ['Kommuner med aktiv ALIS', formatCount(total.municipalitiesWithActiveAlis)],
    ['Aktive ALIS-avtaler', formatCount(total.activeAgreements)],
    ['ALIS med veileder', formatCount(total.alisWithVeileder)],
    ['Kvalifiserte veiledere', formatCount(total.qualifiedVeiledere)],
  ];
  return (
    <dl className="figure-cards" aria-label="Nøkkeltall">
      {cards.map(([label, value]) => (
        <div key={label} className="card figure-card">
          <dt>{label}</dt>
          <dd data-testid={`figure-${label}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function OverTime({ asOf, groupBy }: { asOf: string; groupBy: ReportGrouping }) {
  const days = monthlyDays(asOf, MONTHS);
  const queries = useOverviewReports(days, groupBy);
  const failed = queries.find((query) => query.isError);
  if (failed) return <ErrorAlert error={failed.error} title="Kunne ikke hente utviklingen over tid" onRetry={() => void failed.refetch()} />;
  if (queries.some((query) => query.isPending)) return <Loading label="Laster utviklingen over tid …" />;
  const points = days.flatMap((day, index) => {
    const report = queries[index]?.data;
    return report ? [{ asOf: day, report }] : [];
  });
  return <AgreementsOverTimeChart points={points} />;
}

/** The start page: figures as of a day for the caller (national, or the office's), charts, the table and what to follow up. */
export function DashboardPage() {
  const session = useSession();
  const role = session.status === 'authenticated' ? session.user.role : undefined;
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('dato');
  const asOf = requested !== null && isoDate.safeParse(requested).success ? requested : todayInNorway();
  // An office sees its own municipalities: by county; the others nationally by office.
  const groupBy: ReportGrouping = role === 'office' ? 'county' : 'office';
  const groupLabel = groupBy === 'county' ? 'Fylke' : 'ALIS-kontor';
  const query = useOverviewReport({ asOf, groupBy });
  const dateId = useId();

  return (
    <>
      <PageHeader title="Oversikt">
        <div className="field inline-field">
          <label htmlFor={dateId}>Per dato</label>
          <input
            id={dateId}
            type="date"
            value={asOf}
            min="1900-01-01"
            max="2199-12-31"
            onChange={(event) => {
              const value = event.target.value;
              if (!isoDate.safeParse(value).success) return;
              setSearchParams(
                (params) => {
                  params.set('dato', value);
                  return params;
                },
                { replace: true },
              );
            }}
          />
        </div>
      </PageHeader>
      <p className="muted">
        {role === 'office' ? 'Kommunene til ditt ALIS-kontor' : 'Hele landet'} per {formatDate(asOf)}.
        {query.data?.disclosure.applied ? ' Små tall om personer er skjult («:»).' : ''}
      </p>
      {query.isPending ? <Loading label="Laster tallene …" /> : null}
      {query.isError ? <ErrorAlert error={query.error} title="Kunne ikke hente tallene" onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <div aria-busy={query.isFetching} className="dashboard">
          <FigureCards report={query.data} />
          <div className="chart-grid">
            <AgreementsByGroupChart report={query.data} groupLabel={groupLabel} />
            <RegistrationMixChart report={query.data} />
          </div>
          <OverTime asOf={asOf} groupBy={groupBy} />
          <OverviewTable report={query.data} groupLabel={groupLabel} />
        </div>
      ) : null}
      {role === 'admin' || role === 'office' ? <ComplianceList asOf={asOf} /> : null}
    </>
  );
}
