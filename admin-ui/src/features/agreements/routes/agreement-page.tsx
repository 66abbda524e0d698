import { OPEN_AGREEMENT_STATUSES } from '@alis/shared';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Badge } from '../../../components/badge';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { isApiError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAbsences } from '../../../entities/agreements/api/get-absences';
import { useAgreement } from '../../../entities/agreements/api/get-agreement';
import { AbsencesSection } from '../components/absences-section';
import { AgreementEditForm } from '../components/agreement-edit-form';
import { AgreementSummary } from '../components/agreement-summary';
import { AgreementTransitions } from '../components/agreement-transitions';
import { AgreementWarnings } from '../components/agreement-warnings';
import { SupervisionsSection } from '../components/supervisions-section';
import { AGREEMENT_STATUS_LABELS, AGREEMENT_STATUS_TONES } from '../../../entities/agreements/utils/labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AgreementPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const valid = UUID.test(id);
  const query = useAgreement(id, valid);
  const absences = useAbsences(id, valid);
  const title = query.data ? `ALIS-avtale: ${query.data.value.doctor.name}, ${query.data.value.municipalityName}` : 'ALIS-avtale';
  useDocumentTitle(title);
  const created = (location.state as { created?: unknown } | null)?.created === true;
  const back = (
    <p>
      <Link to="/avtaler">← Tilbake til avtalene</Link>
    </p>
  );

  if (!valid || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <>
        {back}
        <h1>Fant ikke avtalen</h1>
        <p>Det finnes ingen ALIS-avtale med denne ID-en som du har tilgang til.</p>
      </>
    );
  }
  if (query.isPending) {
    return (
      <>
        {back}
        <Loading label="Laster avtalen …" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        {back}
        <h1>ALIS-avtale</h1>
        <ErrorAlert error={query.error} title="Kunne ikke hente avtalen" onRetry={() => void query.refetch()} />
      </>
    );
  }

  const { value: agreement, etag } = query.data;
  const open = OPEN_AGREEMENT_STATUSES.includes(agreement.status);
  return (
    <>
      {back}
      <div className="page-header">
        <h1>
          ALIS-avtale: {agreement.doctor.name} <span className="muted">i {agreement.municipalityName}</span>
        </h1>
        <Badge tone={AGREEMENT_STATUS_TONES[agreement.status]}>{AGREEMENT_STATUS_LABELS[agreement.status]}</Badge>
      </div>
      {created ? (
        <p role="status" className="alert alert-success">
          Avtalen er opprettet som utkast. Tildel en veileder og aktiver avtalen når den er signert.
        </p>
      ) : null}
      <AgreementWarnings warnings={agreement.warnings} />
      <div className="detail-grid">
        <div className="stack">
          <AgreementSummary agreement={agreement} />
          <AgreementTransitions agreement={agreement} etag={etag} />
        </div>
        {open ? (
          <AgreementEditForm
            agreement={agreement}
            etag={etag}
            absences={absences.data ?? []}
            onReload={async () => (await query.refetch()).data}
          />
        ) : (
          <p className="alert alert-info">Avtalen er {AGREEMENT_STATUS_LABELS[agreement.status].toLowerCase()} og kan ikke endres.</p>
        )}
      </div>
      <div className="stack" style={{ marginTop: '1.5rem' }}>
        <SupervisionsSection agreement={agreement} canAssign={open} />
        <AbsencesSection agreement={agreement} canEdit={open} />
      </div>
    </>
  );
}
