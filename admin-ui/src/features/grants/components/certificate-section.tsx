import { DateInput } from '../../../components/date-input';
import { CERTIFICATE_STATUSES, type GrantApplication, todayInNorway, updateGrantApplicationRequest } from '@alis/shared';
import { useId } from 'react';
import { Badge } from '../../../components/badge';
import { Field } from '../../../components/field';
import { SaveForm } from '../../../components/save-form';
import type { VersionedGrantApplication } from '../../../entities/grants/api/get-grant-application';
import { useUpdateGrantApplication } from '../../../entities/grants/api/update-grant-application';
import { dateOrNull, futureDateErrors, validateWith, withRuleErrors } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { useVersionedForm } from '../../../lib/use-versioned-form';

interface CertificateSectionProps {
  application: GrantApplication;
  etag: string | null;
  /** Helsedirektoratet and administrators record the certificate. */
  canRecord: boolean;
  onReload: () => Promise<VersionedGrantApplication | undefined>;
}

type Values = { auditorCertificateReceivedOn: string };
const FIELDS = ['auditorCertificateReceivedOn'] as const;

/** The auditor's certificate: when it is due, when it came, and whether it is overdue; recorded once money is granted. */
export function CertificateSection({ application: a, etag, canRecord, onReload }: CertificateSectionProps) {
  const id = useId();
  const mutation = useUpdateGrantApplication();
  const open = CERTIFICATE_STATUSES.includes(a.status);
  const form = useVersionedForm({
    version: { value: a, etag },
    toValues: (application: GrantApplication): Values => ({ auditorCertificateReceivedOn: application.auditorCertificateReceivedOn ?? '' }),
    changes: (values: Values, application: GrantApplication) =>
      dateOrNull(values.auditorCertificateReceivedOn) === application.auditorCertificateReceivedOn
        ? {}
        : { auditorCertificateReceivedOn: dateOrNull(values.auditorCertificateReceivedOn) },
    fields: FIELDS,
    fieldId: () => `${id}-received`,
    validate: (values, changes) =>
      withRuleErrors(
        validateWith(updateGrantApplicationRequest, changes ?? {}, FIELDS),
        futureDateErrors({ auditorCertificateReceivedOn: values.auditorCertificateReceivedOn }, todayInNorway()),
        FIELDS,
      ),
    save: (changes, ifMatch) => mutation.mutateAsync({ id: a.id, etag: ifMatch, changes }),
    savedVersion: (saved) => saved,
    reload: onReload,
    savedMessage: 'Revisorattesten er registrert.',
  });
  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>Revisorattest</h2>
      <p>
        Frist: <strong>{formatDate(a.auditorCertificateDueDate)}</strong>.{' '}
        {a.auditorCertificateReceivedOn ? (
          <>Mottatt {formatDate(a.auditorCertificateReceivedOn)}.</>
        ) : open ? (
          'Ikke mottatt.'
        ) : (
          'Ventes når tilskudd er innvilget.'
        )}{' '}
        {a.certificateOverdue ? <Badge tone="danger">Forfalt</Badge> : null}
      </p>
      {open && canRecord ? (
        <SaveForm
          form={form}
          labels={{ auditorCertificateReceivedOn: 'Mottatt' }}
          conflictMessage="Noen andre har endret søknaden. Last inn på nytt for å se endringene."
          submitLabel="Lagre"
          savingLabel="Lagrer …"
          aria-label="Revisorattest mottatt"
        >
          <Field id={`${id}-received`} label="Mottatt" hint="Tomt fjerner datoen" error={form.fieldErrors.auditorCertificateReceivedOn}>
            {(control) => (
              <DateInput
                {...control}
                value={form.values.auditorCertificateReceivedOn}
                onChange={(value) => form.update('auditorCertificateReceivedOn', value)}
              />
            )}
          </Field>
        </SaveForm>
      ) : null}
    </section>
  );
}
