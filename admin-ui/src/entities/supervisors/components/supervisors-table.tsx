import type { Supervisor } from '@alis/shared';
import { Link } from 'react-router-dom';
import { Badge } from '../../../components/badge';
import { formatDate } from '../../../lib/format';
import { loadText } from '../utils/load';

export function SupervisorsTable({ items, busy, caption = 'Veiledere' }: { items: Supervisor[]; busy: boolean; caption?: string }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Kvalifisert som veileder</th>
            <th scope="col">Veilederkurs</th>
            <th scope="col">Belastning</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => {
            const load = loadText(s.currentLoad, s.capacity);
            return (
              <tr key={s.id}>
                <td>
                  <Link to={`/veiledere/${s.id}`}>{s.name}</Link>
                  <span className="cell-sub muted small">HPR {s.hprNumber}</span>
                </td>
                <td>
                  {s.qualifiedToday ? (
                    <Badge tone="success">{s.specialistInGeneralPractice ? 'Spesialist' : 'Fritak'}</Badge>
                  ) : (
                    <Badge tone="danger">Nei</Badge>
                  )}
                </td>
                <td>{formatDate(s.courseCompletedOn)}</td>
                <td>
                  {load.text} {load.over ? <Badge tone="warning">Over kapasitet</Badge> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
