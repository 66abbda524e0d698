import type { Municipality, Office } from '@alis/shared';
import { Link, useLocation } from 'react-router-dom';
import { Badge } from '../../../components/badge';
import { REGISTRATION_STATUS_LABELS, REGISTRATION_STATUS_TONES } from '../../../entities/registrations/utils/labels';
import { formatBoolean, formatInteger } from '../../../lib/format';

interface MunicipalitiesTableProps {
  items: Municipality[];
  offices: Office[] | undefined;
  busy: boolean;
}

export function MunicipalitiesTable({ items, offices, busy }: MunicipalitiesTableProps) {
  const listSearch = useLocation().search;
  const officeName = (code: string) => offices?.find((office) => office.code === code)?.name ?? code;
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">Kommuner</caption>
        <thead>
          <tr>
            <th scope="col">Kommunenr.</th>
            <th scope="col">Navn</th>
            <th scope="col">Fylke</th>
            <th scope="col">ALIS-kontor</th>
            <th scope="col" className="numeric">
              Sentralitet
            </th>
            <th scope="col" className="numeric">
              Innbyggere
            </th>
            <th scope="col">Rekrutteringsutfordret</th>
            <th scope="col">§ 19-status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.kommunenummer}>
              <td>{m.kommunenummer}</td>
              <td>
                <Link to={`/kommuner/${m.kommunenummer}`} state={{ listSearch }}>
                  {m.shortName}
                </Link>
              </td>
              <td>{m.countyName}</td>
              <td>{officeName(m.officeCode)}</td>
              <td className="numeric">{m.centralityClass ?? '–'}</td>
              <td className="numeric">{formatInteger(m.population)}</td>
              <td>{formatBoolean(m.recruitmentChallenged)}</td>
              <td>
                <Badge tone={REGISTRATION_STATUS_TONES[m.registrationStatus]}>{REGISTRATION_STATUS_LABELS[m.registrationStatus]}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
