import { OPEN_AGREEMENT_STATUSES } from '@alis/shared';
import { Badge } from '../../../components/badge';
import { DetailPage, useDetailId } from '../../../components/detail-page';
import { useAbsences } from '../../../entities/agreements/api/get-absences';
import { useAgreement } from '../../../entities/agreements/api/get-agreement';
import { AGREEMENT_STATUS_LABELS, AGREEMENT_STATUS_TONES } from '../../../entities/agreements/utils/labels';
import { isUuid } from '../../../lib/format';
import { AbsencesSection } from '../components/absences-section';
import { AgreementEditForm } from '../components/agreement-edit-form';
import { AgreementSummary } from '../components/agreement-summary';
import { AgreementTransitions } from '../components/agreement-transitions';
import { AgreementWarnings } from '../components/agreement-warnings';
import { EducationPlanSection } from '../components/education-plan-section';
import { NonCountingPeriodsSection } from '../components/non-counting-periods-section';
import { PositionHistorySection } from '../components/position-history-section';
import { SupervisionsSection } from '../components/supervisions-section';

const NAMES = { heading: 'ALIS-avtale', definite: 'avtalen', none: 'ingen ALIS-avtale', list: { to: '/avtaler', plural: 'avtalene' } };

export function AgreementPage() {
  const id = useDetailId();
  const absences = useAbsences(id, isUuid(id));
  return (
    <DetailPage useResource={useAgreement} names={NAMES} title={(agreement) => `ALIS-avtale: ${agreement.doctor.name}, ${agreement.municipalityName}`}>
      {({ value: agreement, etag }, { created, reload }) => {
        const open = OPEN_AGREEMENT_STATUSES.includes(agreement.status);
        return (
          <>
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
                <AgreementEditForm agreement={agreement} etag={etag} absences={absences.data ?? []} onReload={reload} />
              ) : (
                <p className="alert alert-info">Avtalen er {AGREEMENT_STATUS_LABELS[agreement.status].toLowerCase()} og kan ikke endres.</p>
              )}
            </div>
            <div className="stack" style={{ marginTop: '1.5rem' }}>
              {/* A cancelled draft never ran: no service to count. */}
              {agreement.status === 'cancelled' ? null : <NonCountingPeriodsSection agreement={agreement} />}
              <EducationPlanSection agreement={agreement} etag={etag} canEdit={open} />
              <PositionHistorySection agreement={agreement} />
              <SupervisionsSection agreement={agreement} canAssign={open} />
              <AbsencesSection agreement={agreement} canEdit={open} />
            </div>
          </>
        );
      }}
    </DetailPage>
  );
}
