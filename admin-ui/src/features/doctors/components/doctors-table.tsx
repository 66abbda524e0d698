import type { Doctor } from '@alis/shared';
import { Link } from 'react-router-dom';
import { formatDate, formatText } from '../../../lib/format';
import { SCHEME_LABELS } from '../../../entities/doctors/utils/doctor-form';

export function DoctorsTable({ items, busy }: { items: Doctor[]; busy: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">Leger</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">E-post</th>
            <th scope="col">LIS1 fullført</th>
            <th scope="col">Ordning</th>
            <th scope="col">Spesialist fra</th>
          </tr>
        </thead>
        <tbody>
          {items.map((doctor) => (
            <tr key={doctor.id}>
              <td>
                <Link to={`/leger/${doctor.id}`}>{doctor.name}</Link>
                <span className="cell-sub muted small">HPR {doctor.hprNumber}</span>
              </td>
              <td>{formatText(doctor.email)}</td>
              <td>{formatDate(doctor.lis1CompletedOn)}</td>
              <td>{SCHEME_LABELS[doctor.scheme]}</td>
              <td>{formatDate(doctor.specialistApprovedOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
