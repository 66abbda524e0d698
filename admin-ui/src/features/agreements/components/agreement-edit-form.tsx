import type { AbsencePeriod, Agreement } from '@alis/shared';
import { type SubmitEvent, useId, useRef, useState } from 'react';
import { ConflictAlert } from '../../../components/conflict-alert';
import { FormStatus, type FormStatusState } from '../../../components/form-status';
import { isApiError } from '../../../lib/api-client';
import { splitServerErrors } from '../../../lib/form';
import { isProblem } from '../../../lib/api-error';
import { useEditBaseline } from '../../../lib/use-edit-baseline';
import type { VersionedAgreement } from '../../../entities/agreements/api/get-agreement';
import { useUpdateAgreement } from '../../../entities/agreements/api/update-agreement';
import {
  AGREEMENT_FIELDS,
  type AgreementFieldErrors,
  type AgreementFormValues,
  changedAgreementFields,
  toAgreementFormValues,
  validateAgreementChanges,
} from '../utils/agreement-form';
import { AgreementFields, agreementFieldId } from './agreement-fields';
import { PlannedEndDatePreview } from './planned-end-date-preview';

export const AGREEMENT_CONFLICT_MESSAGE = 'Noen andre har endret avtalen mens du redigerte. Last inn på nytt for å se endringene.';

interface AgreementEditFormProps {
  agreement: Agreement;
  etag: string | null;
  absences: readonly AbsencePeriod[];
  onReload: () => Promise<VersionedAgreement | undefined>;
}

const isDirty = (values: AgreementFormValues, agreement: Agreement) => Object.keys(changedAgreementFields(values, agreement)).length > 0;

export function AgreementEditForm({ agreement, etag, absences, onReload }: AgreementEditFormProps) {
  const idPrefix = useId();
  const mutation = useUpdateAgreement();
  const statusRef = useRef<HTMLDivElement>(null);
  const form = useEditBaseline(agreement, etag, toAgreementFormValues, isDirty, mutation.isPending);
  const [errors, setErrors] = useState<AgreementFieldErrors>({});
  const [status, setStatus] = useState<FormStatusState>({ kind: 'idle' });
  const [reloading, setReloading] = useState(false);

  const update = <K extends keyof AgreementFormValues>(field: K, value: AgreementFormValues[K]) => {
    form.setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
    if (status.kind === 'saved' || status.kind === 'unchanged') setStatus({ kind: 'idle' });
  };
  const focusFirst = (fieldErrors: AgreementFieldErrors) => {
    const first = AGREEMENT_FIELDS.find((field) => fieldErrors[field]);
    if (first) document.getElementById(agreementFieldId(idPrefix, first))?.focus();
    else statusRef.current?.focus();
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const changes = changedAgreementFields(form.values, form.baseline.value);
    if (Object.keys(changes).length === 0) {
      setErrors({});
      setStatus({ kind: 'unchanged' });
      return;
    }
    const validation = validateAgreementChanges(changes);
    if (!validation.ok) {
      setErrors(validation.fieldErrors);
      setStatus({ kind: 'invalid', formErrors: validation.formErrors });
      focusFirst(validation.fieldErrors);
      return;
    }
    setErrors({});
    setStatus({ kind: 'idle' });
    mutation.mutate(
      { id: form.baseline.value.id, etag: form.baseline.etag, changes: validation.data },
      {
        onSuccess: (saved) => {
          form.startOver({ value: saved.agreement, etag: saved.etag });
          setStatus({ kind: 'saved' });
        },
        onError: (error) => {
          if (isProblem(error, 'precondition_failed')) setStatus({ kind: 'conflict' });
          else if (isApiError(error) && (error.status === 400 || error.status === 422) && error.errors.length > 0) {
            const split = splitServerErrors(error.errors, AGREEMENT_FIELDS);
            setErrors(split.fieldErrors);
            setStatus({ kind: 'invalid', formErrors: split.formErrors });
            focusFirst(split.fieldErrors);
            return;
          } else setStatus({ kind: 'error', error });
          requestAnimationFrame(() => statusRef.current?.focus());
        },
      },
    );
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await onReload();
      if (fresh) {
        form.startOver({ value: fresh.agreement, etag: fresh.etag });
        setErrors({});
        setStatus({ kind: 'idle' });
      }
    } finally {
      setReloading(false);
    }
  };

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="card">
      <h2 id={`${idPrefix}-heading`}>Endre avtalen</h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={`${idPrefix}-heading`}>
        <FormStatus
          status={status}
          statusRef={statusRef}
          conflict={<ConflictAlert message={AGREEMENT_CONFLICT_MESSAGE} reloading={reloading} onReload={() => void reload()} />}
        />
        <AgreementFields idPrefix={idPrefix} values={form.values} errors={errors} onChange={update} />
        <PlannedEndDatePreview
          startDate={form.values.startDate}
          positionPercent={form.values.positionPercent}
          absences={absences}
          label={form.dirty ? 'Planlagt sluttdato med endringene' : 'Planlagt sluttdato'}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? 'Lagrer …' : 'Lagre'}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={!form.dirty || mutation.isPending}
            onClick={() => {
              form.reset();
              setErrors({});
              setStatus({ kind: 'idle' });
            }}
          >
            Angre endringer
          </button>
        </div>
      </form>
    </section>
  );
}
