import type { GrantApplication } from '@alis/shared';
import { Badge } from '../../../components/badge';
import { DetailPage } from '../../../components/detail-page';
import { type VersionedGrantApplication, useGrantApplication } from '../../../entities/grants/api/get-grant-application';
import { GRANT_STATUS_LABELS, GRANT_STATUS_TONES } from '../../../entities/grants/utils/labels';
import { useSession } from '../../../lib/use-session';
import { ApplicationHistory } from '../components/application-history';
import { ApplicationProblems, LinesEditor, LinesTable, useLinesForm } from '../components/application-lines';
import { ApplicationOverview } from '../components/application-overview';
import { ApplicationTransitions } from '../components/application-transitions';
import { CertificateSection } from '../components/certificate-section';
import { GRANT_DECIDER_ROLES, GRANT_WRITER_ROLES } from '../utils/roles';

const NAMES = { heading: 'Tilskuddssøknad', definite: 'søknaden', none: 'ingen tilskuddssøknad', list: { to: '/tilskudd', plural: 'søknadene' } };

interface ApplicationViewProps {
  application: GrantApplication;
  etag: string | null;
  onReload: () => Promise<VersionedGrantApplication | undefined>;
}

function ApplicationView({ application, etag, onReload }: ApplicationViewProps) {
  const session = useSession();
  const role = session.status === 'authenticated' ? session.user.role : undefined;
  const editable = application.status === 'draft' && role !== undefined && GRANT_WRITER_ROLES.includes(role);
  const form = useLinesForm(application, etag, onReload);
  return (
    <>
      <ApplicationProblems application={application} />
      <div className="detail-grid">
        <ApplicationOverview application={application} />
        <div className="stack">
          <ApplicationTransitions application={application} etag={etag} isAdmin={role === 'admin'} blockedByUnsavedChanges={editable && form.dirty} />
          <CertificateSection application={application} etag={etag} canRecord={role !== undefined && GRANT_DECIDER_ROLES.includes(role)} onReload={onReload} />
        </div>
      </div>
      <section aria-labelledby="grant-lines-heading" className="card" style={{ marginTop: '1.5rem' }}>
        <h2 id="grant-lines-heading">Linjer</h2>
        <p className="muted">
          Beløp per linje = sats for linjetypen og kommunens sentralitetsklasse × stillingsprosent × måneder / 12, avrundet til hele kroner.
        </p>
        {editable ? <LinesEditor application={application} form={form} /> : <LinesTable application={application} />}
      </section>
      <div style={{ marginTop: '1.5rem' }}>
        <ApplicationHistory id={application.id} />
      </div>
    </>
  );
}

export function GrantApplicationPage() {
  return (
    <DetailPage useResource={useGrantApplication} names={NAMES} title={(application) => `Tilskuddssøknad: ${application.municipalityName}, ${application.scheme.name}`}>
      {({ value: application, etag }, { created, reload }) => (
        <>
          <div className="page-header">
            <h1>
              Tilskuddssøknad: {application.municipalityName} <span className="muted">{application.scheme.name}</span>
            </h1>
            <Badge tone={GRANT_STATUS_TONES[application.status]}>{GRANT_STATUS_LABELS[application.status]}</Badge>
          </div>
          {created ? (
            <p role="status" className="alert alert-success">
              Utkastet er laget fra kommunens avtaler. Se over linjene og problemene, og send søknaden når den er klar.
            </p>
          ) : null}
          <ApplicationView application={application} etag={etag} onReload={reload} />
        </>
      )}
    </DetailPage>
  );
}
