import type { SupervisorDetail } from '@alis/shared';
import type { ReactNode } from 'react';
import { MunicipalityLink } from '../../../entities/municipalities/components/municipality-link';
import { Badge } from '../../../components/badge';
import { DetailsList } from '../../../components/details-list';
import { formatBoolean, formatDate, formatText, formatTimestamp } from '../../../lib/format';
import { SupervisorLoad } from './supervisor-load';

export function SupervisorSummary({ supervisor: s }: { supervisor: SupervisorDetail }) {
  const rows: [string, ReactNode][] = [
    ['HPR-nummer', s.hprNumber],
    ['E-post', formatText(s.email)],
    ['Telefon', formatText(s.phone)],
    ['Arbeidssted', s.workplaceKommunenummer ? <MunicipalityLink key="k" kommunenummer={s.workplaceKommunenummer} /> : '–'],
    [
      'Spesialist i allmennmedisin',
      s.specialistInGeneralPractice ? (s.specialistApprovedOn ? `Ja, fra ${formatDate(s.specialistApprovedOn)}` : 'Ja, godkjenningsdato mangler') : formatBoolean(false),
    ],
    ['Fritak gyldig fra', formatDate(s.exemptionFrom)],
    ['Fritak gyldig til', formatDate(s.exemptionUntil)],
    [
      'Kvalifisert som veileder i dag',
      s.qualifiedToday ? <Badge key="q" tone="success">Ja</Badge> : <Badge key="q" tone="danger">Nei</Badge>,
    ],
    ['Veilederkurs', s.courseCompletedOn ? `Fullført ${formatDate(s.courseCompletedOn)}` : 'Ikke registrert'],
    ['Belastning (aktive ALIS som veileder)', <SupervisorLoad key="load" currentLoad={s.currentLoad} capacity={s.capacity} />],
    ['Sist endret', `${formatTimestamp(s.updatedAt)} (versjon ${s.version})`],
  ];
  return (
    <section aria-labelledby="supervisor-summary-heading" className="card">
      <h2 id="supervisor-summary-heading">Opplysninger</h2>
      <DetailsList rows={rows} testId="supervisor-details" />
    </section>
  );
}
