import type { Specialty } from '@alis/shared';
import { useCallback, useId, useState } from 'react';
import { Badge } from '../../../components/badge';
import { DetailsList } from '../../../components/details-list';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { formatDate, formatTimestamp } from '../../../lib/format';
import { useRegistration } from '../../../entities/registrations/api/get-registration';
import { REGISTRATION_STATUS_LABELS, REGISTRATION_STATUS_TONES, SPECIALTY_PANELS, registeredFromText } from '../utils/status';
import { RegistrationApplicationSummary } from './registration-application-summary';
import { RegistrationForm } from './registration-form';
import { RegistrationHistory } from './registration-history';
import { RegistrationTransitions } from './registration-transitions';

interface RegistrationPanelProps {
  kommunenummer: string;
  /** Which of the municipality's registrations: general practice (ALM) or community medicine (SAM). */
  specialty: Specialty;
  /** Offices and admins write the application; the directorate decides on it. */
  canEditApplication: boolean;
}

/** The municipality's registration as education enterprise (§ 19) in one specialty: status, application, transitions and history. */
export function RegistrationPanel({ kommunenummer, specialty, canEditApplication }: RegistrationPanelProps) {
  const idPrefix = useId();
  const query = useRegistration(kommunenummer, specialty);
  const [dirty, setDirty] = useState(false);
  const onDirtyChange = useCallback((value: boolean) => setDirty(value), []);

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="card registration-panel" data-specialty={specialty}>
      <h2 id={`${idPrefix}-heading`}>{SPECIALTY_PANELS[specialty].title}</h2>
      <p className="muted">{SPECIALTY_PANELS[specialty].hint}</p>
      {query.isPending ? <Loading label="Laster registreringen …" /> : null}
      {query.isError ? <ErrorAlert error={query.error} title="Kunne ikke hente registreringen" onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <div className="stack">
          <div>
            <p>
              Status:{' '}
              <span data-testid="registration-status">
                <Badge tone={REGISTRATION_STATUS_TONES[query.data.value.status]}>{REGISTRATION_STATUS_LABELS[query.data.value.status]}</Badge>
              </span>
            </p>
            <DetailsList
              rows={[
                ['Søknadsdato', formatDate(query.data.value.applicationDate)],
                ['Vedtaksdato', formatDate(query.data.value.decisionDate)],
                ['Registrert fra', registeredFromText(query.data.value)],
                [
                  'Sist endret',
                  query.data.value.updatedAt
                    ? `${formatTimestamp(query.data.value.updatedAt)} (versjon ${query.data.value.version})`
                    : 'Ikke lagret ennå',
                ],
              ]}
            />
            <RegistrationTransitions registration={query.data.value} etag={query.data.etag} blockedByUnsavedChanges={dirty} />
          </div>
          {canEditApplication ? (
            <RegistrationForm
              idPrefix={idPrefix}
              registration={query.data.value}
              etag={query.data.etag}
              onReload={async () => (await query.refetch()).data}
              onDirtyChange={onDirtyChange}
            />
          ) : (
            <RegistrationApplicationSummary registration={query.data.value} />
          )}
          <RegistrationHistory kommunenummer={kommunenummer} specialty={specialty} headingId={`${idPrefix}-history`} panelHeadingId={`${idPrefix}-heading`} />
        </div>
      ) : null}
    </section>
  );
}
