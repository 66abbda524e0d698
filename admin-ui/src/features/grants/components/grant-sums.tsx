import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import type { GrantApplicationFilters } from '../../../entities/grants/api/get-grant-applications';
import { useGrantSummary } from '../../../entities/grants/api/get-grant-summary';
import { GRANT_STATUS_LABELS } from '../../../entities/grants/utils/labels';
import { formatInteger, formatNok } from '../../../lib/format';

/** How many applications the filters match and what they sum to: applied for, granted and paid, in all and by status. */
export function GrantSums({ filters }: { filters: GrantApplicationFilters }) {
  const query = useGrantSummary(filters);
  if (query.isPending) return <Loading label="Summerer …" />;
  if (query.isError) return <ErrorAlert error={query.error} title="Kunne ikke summere søknadene" onRetry={() => void query.refetch()} />;
  const summary = query.data;
  return (
    <section aria-labelledby="grant-sums-heading" className="card" style={{ marginBottom: '1.5rem' }}>
      <h2 id="grant-sums-heading">Sum for filteret</h2>
      <div className="table-wrap">
        <table className="table" data-testid="grant-sums">
          <caption className="visually-hidden">Antall søknader og beløp per status</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Søknader
              </th>
              <th scope="col" className="numeric">
                Søkt
              </th>
              <th scope="col" className="numeric">
                Innvilget
              </th>
              <th scope="col" className="numeric">
                Utbetalt
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.byStatus.map((row) => (
              <tr key={row.status}>
                <th scope="row">{GRANT_STATUS_LABELS[row.status]}</th>
                <td className="numeric">{formatInteger(row.count)}</td>
                <td className="numeric">{formatNok(row.totalNok)}</td>
                <td className="numeric">{formatNok(row.grantedNok)}</td>
                <td className="numeric">{formatNok(row.paidNok)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">I alt</th>
              <td className="numeric">{formatInteger(summary.count)}</td>
              <td className="numeric" data-testid="grant-sum-total">
                {formatNok(summary.totalNok)}
              </td>
              <td className="numeric">{formatNok(summary.grantedNok)}</td>
              <td className="numeric">{formatNok(summary.paidNok)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted small">Utkast er summert slik de står nå; søknader uten sats (kommunen mangler sentralitetsklasse) er ikke med i beløpene.</p>
    </section>
  );
}
