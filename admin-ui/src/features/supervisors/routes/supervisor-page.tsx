import { useId } from 'react';
import { DetailPage } from '../../../components/detail-page';
import { useSupervisor } from '../../../entities/supervisors/api/get-supervisor';
import { MissingApprovalDateNotice } from '../components/missing-approval-date-notice';
import { CoursesTaken } from '../components/courses-taken';
import { SupervisedAgreements } from '../components/supervised-agreements';
import { SupervisorEditForm } from '../components/supervisor-edit-form';
import { supervisorFieldId } from '../components/supervisor-fields';
import { SupervisorSummary } from '../components/supervisor-summary';
import { needsApprovalDate } from '../utils/supervisor-form';

const NAMES = { heading: 'Veileder', definite: 'veilederen', none: 'ingen veileder', list: { to: '/veiledere', plural: 'veilederne' } };

export function SupervisorPage() {
  const formIdPrefix = useId();
  return (
    <DetailPage useResource={useSupervisor} names={NAMES} title={(supervisor) => supervisor.name}>
      {({ value: supervisor, etag }, { created, reload }) => (
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
            <SupervisorEditForm idPrefix={formIdPrefix} supervisor={supervisor} etag={etag} onReload={reload} />
          </div>
        </>
      )}
    </DetailPage>
  );
}
