import type { SupervisorDetail } from '@alis/shared';
import { Link } from 'react-router-dom';
import { Badge } from '../../../components/badge';
import { formatDate } from '../../../lib/format';
import { SUPERVISION_ROLE_LABELS } from '../../../entities/agreements/utils/labels';

/** The agreements this person supervises or has supervised, newest first as the API gives them. */
export function SupervisedAgreements({ supervisions }: { supervisions: SupervisorDetail['supervisions'] }) {
  return (
    <section aria-labelledby="supervised-heading" className="card">
      <h2 id="supervised-heading">Veiledning</h2>
      {supervisions.length === 0 ? (
        <p className="empty-state">Ikke tildelt noen ALIS ennå.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Avtaler veilederen følger</caption>
            <thead>
              <tr>
                <th scope="col">ALIS</th>
                <th scope="col">Kommune</th>
                <th scope="col">Rolle</th>
                <th scope="col">Fra</th>
                <th scope="col">Til</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {supervisions.map((s) => (
                <tr key={s.supervisionId}>
                  <td>
                    <Link to={`/avtaler/${s.agreementId}`}>{s.doctorName}</Link>
                  </td>
                  <td>
                    <Link to={`/kommuner/${s.kommunenummer}`}>{s.kommunenummer}</Link>
                  </td>
                  <td>{SUPERVISION_ROLE_LABELS[s.role]}</td>
                  <td>{formatDate(s.from)}</td>
                  <td>{formatDate(s.to)}</td>
                  <td>{s.active ? <Badge tone="success">Aktiv</Badge> : <Badge>Avsluttet</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
