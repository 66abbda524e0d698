import type { Municipality, Office } from '@alis/shared';
import { DetailsList } from '../../../components/details-list';
import { formatBoolean, formatDate, formatInteger, formatText, formatTimestamp } from '../../../lib/format';

interface MunicipalityDetailsProps {
  municipality: Municipality;
  offices: Office[] | undefined;
}

export function MunicipalityDetails({ municipality: m, offices }: MunicipalityDetailsProps) {
  const office = offices?.find((candidate) => candidate.code === m.officeCode);
  const rows: [string, string][] = [
    ['Kommunenummer', m.kommunenummer],
    ['Offisielt navn', m.name],
    ['Fylke', `${m.countyName} (${m.countyNumber})`],
    ['ALIS-kontor', office ? `${office.name} (${office.city})` : m.officeCode],
    ['Organisasjonsnummer', formatText(m.organisationNumber)],
    ['Sentralitetsklasse', m.centralityClass === null ? '–' : String(m.centralityClass)],
    ['Innbyggertall', formatInteger(m.population)],
    ['Rekrutteringsutfordret', formatBoolean(m.recruitmentChallenged)],
    ['Kontaktperson', formatText(m.contactName)],
    ['Kontaktpersonens e-post', formatText(m.contactEmail)],
    ['Kontaktpersonens telefon', formatText(m.contactPhone)],
    ['Notater', formatText(m.notes)],
    ['Gyldig', m.validTo ? `${formatDate(m.validFrom)} til ${formatDate(m.validTo)}` : `fra ${formatDate(m.validFrom)}`],
    ['Sist endret', `${formatTimestamp(m.updatedAt)} (versjon ${m.version})`],
  ];
  return (
    <section aria-labelledby="details-heading" className="card">
      <h2 id="details-heading">Opplysninger</h2>
      <DetailsList rows={rows} testId="municipality-details" />
    </section>
  );
}
