import type { ComplianceItem } from '@alis/shared';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { formatDate, formatText } from '../../../lib/format';
import { useComplianceReport } from '../api/get-compliance-report';
import { COMPLIANCE_LABELS } from '../utils/labels';
import { CsvButton } from './csv-button';

/** The page of the case an item is about. */
function caseLink(item: ComplianceItem): string {
  switch (item.subject.type) {
    case 'agreement':
      return `/avtaler/${item.subject.id}`;
    case 'supervisor':
      return `/veiledere/${item.subject.id}`;
    case 'grant_application':
      return `/tilskudd/${item.subject.id}`;
  }
}

const who = (item: ComplianceItem) =>
  item.kind === 'veileder_over_capacity'
    ? `${formatText(item.supervisorName)} (${item.count ?? 0} av ${item.capacity ?? 0})`
    : formatText(item.doctorName ?? item.supervisorName);

/** What the office acts on as of the day, each with a link to its case. */
export function ComplianceList({ asOf }: { asOf: string }) {
  const query = useComplianceReport({ asOf }, true);
  return (
    <section aria-labelledby="compliance-heading" className="card">
      <div className="page-header">
        <h2 id="compliance-heading">Til oppfølging</h2>
        <CsvButton label="Last ned CSV" download={{ path: '/reports/compliance', query: { asOf }, fileName: `alis-oppfolging-${asOf}.csv` }} />
      </div>
      {query.isPending ? <Loading label="Laster oppfølgingslisten …" /> : null}
      {query.isError ? <ErrorAlert error={query.error} title="Kunne ikke hente oppfølgingslisten" onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && query.data.items.length === 0 ? <p>Ingenting å følge opp per {formatDate(asOf)}.</p> : null}
      {query.isSuccess && query.data.items.length > 0 ? (
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Hva</th>
                <th scope="col">Kommune</th>
                <th scope="col">Hvem</th>
                <th scope="col">Dato</th>
                <th scope="col">Sak</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((item) => (
                <tr key={`${item.kind}-${item.subject.id}`}>
                  <td>{COMPLIANCE_LABELS[item.kind]}</td>
                  <td>{item.municipalityName}</td>
                  <td>{who(item)}</td>
                  <td>{formatDate(item.date)}</td>
                  <td>
                    <Link to={caseLink(item)}>
                      Åpne saken<span className="visually-hidden">: {COMPLIANCE_LABELS[item.kind]}, {who(item)}, {item.municipalityName}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
