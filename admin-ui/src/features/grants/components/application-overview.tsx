import type { GrantApplication } from '@alis/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Badge } from '../../../components/badge';
import { DetailsList } from '../../../components/details-list';
import { GRANT_STATUS_LABELS, GRANT_STATUS_TONES } from '../../../entities/grants/utils/labels';
import { formatDate, formatNok, formatText, formatTimestamp } from '../../../lib/format';

/** The application's facts: who, which scheme, what it was computed with, and what happened to it. */
export function ApplicationOverview({ application: a }: { application: GrantApplication }) {
  const rows: [string, ReactNode][] = [
    ['Status', <Badge key="status" tone={GRANT_STATUS_TONES[a.status]}>{GRANT_STATUS_LABELS[a.status]}</Badge>],
    ['Kommune', <Link key="kommune" to={`/kommuner/${a.kommunenummer}`}>{`${a.municipalityName} (${a.kommunenummer})`}</Link>],
    ['Organisasjonsnummer', formatText(a.organisationNumber)],
    ['Sentralitetsklasse', a.centralityClass === null ? 'Mangler' : String(a.centralityClass)],
    ['Ordning', `${a.scheme.name} (${formatDate(a.scheme.periodFrom)} – ${formatDate(a.scheme.periodTo)}, ${a.scheme.periodMonths} måneder)`],
    ['Søknadsfrist', formatDate(a.scheme.applicationDeadline)],
    [
      'Satser',
      a.amountsFixed
        ? `Versjon ${a.rateVersion}, fastsatt ved innsending (også sentralitetsklassen)`
        : `Versjon ${a.rateVersion}, gjeldende satser (fastsettes når søknaden sendes)`,
    ],
    ['Søkt beløp', <strong key="total" data-testid="grant-total">{formatNok(a.totalNok)}</strong>],
  ];
  if (a.submittedOn) rows.push(['Sendt', formatDate(a.submittedOn)]);
  if (a.lateSubmissionReason) rows.push(['Sendt etter fristen fordi', a.lateSubmissionReason]);
  if (a.decisionDate) rows.push(['Vedtak', `${formatDate(a.decisionDate)}, saksnummer ${formatText(a.decisionReference)}`]);
  if (a.grantedNok !== null) rows.push(['Innvilget beløp', <span key="granted" data-testid="grant-granted">{formatNok(a.grantedNok)}</span>]);
  if (a.paidOn) rows.push(['Utbetalt', <span key="paid" data-testid="grant-paid">{`${formatNok(a.paidNok)} den ${formatDate(a.paidOn)}`}</span>]);
  if (a.withdrawnOn) rows.push(['Trukket', formatDate(a.withdrawnOn)]);
  if (a.notes) rows.push(['Merknad', a.notes]);
  rows.push(['Sist endret', `${formatTimestamp(a.updatedAt)} (versjon ${a.version})`]);
  return (
    <section aria-labelledby="grant-overview-heading" className="card">
      <h2 id="grant-overview-heading">Opplysninger</h2>
      <DetailsList rows={rows} testId="grant-details" />
    </section>
  );
}
