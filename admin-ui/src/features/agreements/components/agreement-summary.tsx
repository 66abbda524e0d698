import type { Agreement } from '@alis/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Badge } from '../../../components/badge';
import { DetailsList } from '../../../components/details-list';
import { formatBoolean, formatDate, formatText, formatTimestamp } from '../../../lib/format';
import {
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_STATUS_TONES,
  EMPLOYMENT_FORM_LABELS,
  END_REASON_LABELS,
  POSITION_LABELS,
} from '../../../entities/agreements/utils/labels';

export function AgreementSummary({ agreement: a }: { agreement: Agreement }) {
  const rows: [string, ReactNode][] = [
    ['Status', <Badge key="status" tone={AGREEMENT_STATUS_TONES[a.status]}>{AGREEMENT_STATUS_LABELS[a.status]}</Badge>],
    ['Lege', <Link key="doctor" to={`/leger/${a.doctor.id}`}>{`${a.doctor.name} (HPR ${a.doctor.hprNumber})`}</Link>],
    ['Kommune', <Link key="kommune" to={`/kommuner/${a.kommunenummer}`}>{`${a.municipalityName} (${a.kommunenummer})`}</Link>],
    ['Ansettelsesform', EMPLOYMENT_FORM_LABELS[a.employmentForm]],
    ['Stilling', `${POSITION_LABELS[a.position]}, ${a.positionPercent} %`],
    ['Startdato', formatDate(a.startDate)],
    ['Planlagt sluttdato', <span key="planned" data-testid="planned-end-date">{formatDate(a.plannedEndDate)}</span>],
    ['Signert', formatDate(a.signedOn)],
    ['Via bemanningsbyrå', formatBoolean(a.viaStaffingAgency)],
    [
      'Veileder nå',
      a.currentVeileder ? <Link key="veileder" to={`/veiledere/${a.currentVeileder.supervisorId}`}>{a.currentVeileder.name}</Link> : 'Ingen',
    ],
  ];
  if (a.endDate || a.endReason) {
    rows.push(['Sluttdato', formatDate(a.endDate)]);
    rows.push(['Sluttårsak', a.endReason ? END_REASON_LABELS[a.endReason] : '–']);
  }
  if (a.status === 'cancelled') rows.push(['Hvorfor utkastet ble forkastet', <span key="cancelled" data-testid="cancellation-reason">{formatText(a.cancellationReason)}</span>]);
  rows.push(['Sist endret', `${formatTimestamp(a.updatedAt)} (versjon ${a.version})`]);
  return (
    <section aria-labelledby="agreement-summary-heading" className="card">
      <h2 id="agreement-summary-heading">Opplysninger</h2>
      <DetailsList rows={rows} testId="agreement-details" />
    </section>
  );
}
