import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { useSpecialAttention } from '../../../entities/follow-ups/api/get-special-attention';
import { SPECIAL_ATTENTION_LABELS } from '../../../entities/follow-ups/utils/labels';
import { formatDate } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** `/oppfolging`: the office's municipalities that need special attention. */
export function SpecialAttentionPage() {
  useDocumentTitle('Særlig oppfølging');
  const query = useSpecialAttention(undefined);
  return (
    <>
      <h1>Særlig oppfølging</h1>
      <p className="muted">
        Rekrutteringsutfordrede kommuner uten oppfølging de siste seks månedene, og kommuner med aktive ALIS-avtaler som verken har søkt om eller
        fått registrering som utdanningsvirksomhet.
      </p>
      {query.isPending ? <Loading label="Laster listen …" /> : null}
      {query.isError ? <ErrorAlert error={query.error} title="Kunne ikke hente listen" onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.length === 0 ? <p className="empty-state">Ingen kommuner trenger særlig oppfølging nå.</p> : null}
      {query.data && query.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="special-attention">
            <caption className="visually-hidden">Kommuner som trenger særlig oppfølging</caption>
            <thead>
              <tr>
                <th scope="col">Kommune</th>
                <th scope="col">Hvorfor</th>
                <th scope="col">Siste oppfølging</th>
                <th scope="col" className="numeric">
                  Aktive avtaler
                </th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((item) => (
                <tr key={item.kommunenummer}>
                  <td>
                    <Link to={`/kommuner/${item.kommunenummer}`}>
                      {item.name} ({item.kommunenummer})
                    </Link>
                  </td>
                  <td>{item.reasons.map((reason) => SPECIAL_ATTENTION_LABELS[reason]).join('. ')}</td>
                  <td>{formatDate(item.lastFollowUpOn)}</td>
                  <td className="numeric">{item.activeAgreements}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
