import type { Agreement } from '@alis/shared';
import { Link } from 'react-router-dom';
import { Badge } from '../../../components/badge';
import { formatDate } from '../../../lib/format';
import { AGREEMENT_STATUS_LABELS, AGREEMENT_STATUS_TONES, EMPLOYMENT_FORM_LABELS, POSITION_LABELS } from '../utils/labels';

type Column = 'doctor' | 'municipality';

interface AgreementsTableProps {
  items: Agreement[];
  busy: boolean;
  caption?: string;
  /** Columns that say nothing on a page about that doctor or municipality. */
  hide?: readonly Column[];
}

export function AgreementsTable({ items, busy, caption = 'ALIS-avtaler', hide = [] }: AgreementsTableProps) {
  const show = (column: Column) => !hide.includes(column);
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {show('doctor') ? <th scope="col">Lege</th> : null}
            {show('municipality') ? <th scope="col">Kommune</th> : null}
            <th scope="col">Status</th>
            <th scope="col">Ansettelse</th>
            <th scope="col">Start</th>
            <th scope="col">Planlagt slutt</th>
            <th scope="col">Veileder</th>
            <th scope="col" className="numeric">
              Varsler
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              {show('doctor') ? (
                <td>
                  <Link to={`/avtaler/${a.id}`}>{a.doctor.name}</Link>
                  <span className="cell-sub muted small">HPR {a.doctor.hprNumber}</span>
                </td>
              ) : null}
              {show('municipality') ? (
                <td>
                  {show('doctor') ? (
                    `${a.municipalityName} (${a.kommunenummer})`
                  ) : (
                    <Link to={`/avtaler/${a.id}`}>{`${a.municipalityName} (${a.kommunenummer})`}</Link>
                  )}
                </td>
              ) : null}
              <td>
                <Badge tone={AGREEMENT_STATUS_TONES[a.status]}>{AGREEMENT_STATUS_LABELS[a.status]}</Badge>
              </td>
              <td>
                {EMPLOYMENT_FORM_LABELS[a.employmentForm]}, {POSITION_LABELS[a.position].toLowerCase()} {a.positionPercent} %
              </td>
              <td>{formatDate(a.startDate)}</td>
              <td>{formatDate(a.endDate ?? a.plannedEndDate)}</td>
              <td>{a.currentVeileder ? a.currentVeileder.name : <span className="muted">Ingen</span>}</td>
              <td className="numeric">{a.warnings.length > 0 ? <Badge tone="warning">{String(a.warnings.length)}</Badge> : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
