import { useId } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { DetailPage, navigationState } from '../../../components/detail-page';
import { useSupervisor } from '../../../entities/supervisors/api/get-supervisor';
import { isUuid } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { MissingApprovalDateNotice } from '../components/missing-approval-date-notice';
import { CoursesTaken } from '../components/courses-taken';
import { SupervisedAgreements } from '../components/supervised-agreements';
import { SupervisorEditForm } from '../components/supervisor-edit-form';
import { supervisorFieldId } from '../components/supervisor-fields';
import { SupervisorSummary } from '../components/supervisor-summary';
import { needsApprovalDate } from '../utils/supervisor-form';

export function SupervisorPage() {
  const { id = '' } = useParams();
  const { created } = navigationState(useLocation().state);
  const query = useSupervisor(id, isUuid(id));
  const formIdPrefix = useId();
  useDocumentTitle(query.data ? query.data.value.name : 'Veileder');
  return (
    <DetailPage
      query={query}
      valid={isUuid(id)}
      back={{ to: '/veiledere', label: '← Tilbake til veilederne' }}
      notFound={{ title: 'Fant ikke veilederen', text: 'Det finnes ingen veileder med denne ID-en som du har tilgang til.' }}
      loadingLabel="Laster veilederen …"
      errorHeading="Veileder"
      errorTitle="Kunne ikke hente veilederen"
    >
      {({ value: supervisor, etag }) => (
        <>
          <h1>{supervisor.name}</h1>
          {created ? (
            <p role="status" className="alert alert-success">
              Veilederen er registrert.
            </p>
          ) : null}
          {needsApprovalDate(supervisor) ? <MissingApprovalDateNotice fieldId={supervisorFieldId(formIdPrefix, 'specialistApprovedOn')} /> : null}
          <div className="detail-grid">
            <div className="stack">
              <SupervisorSummary supervisor={supervisor} />
              <SupervisedAgreements supervisions={supervisor.supervisions} />
              <CoursesTaken supervisorId={supervisor.id} />
            </div>
            <SupervisorEditForm idPrefix={formIdPrefix} supervisor={supervisor} etag={etag} onReload={async () => (await query.refetch()).data} />
          </div>
        </>
      )}
    </DetailPage>
  );
}
