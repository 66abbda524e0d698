import type { Supervisor } from '@alis/shared';
import { type SubmitEvent, useId, useRef, useState } from 'react';
import { ConflictAlert } from '../../../components/conflict-alert';
import { FormStatus, type FormStatusState } from '../../../components/form-status';
import { isApiError } from '../../../lib/api-client';
import { splitServerErrors } from '../../../lib/form';
import { isProblem } from '../../../lib/api-error';
import { useEditBaseline } from '../../../lib/use-edit-baseline';
import { useUpdateSupervisor } from '../../../entities/supervisors/api/update-supervisor';
import {
  SUPERVISOR_FIELDS,
  type SupervisorField,
  type SupervisorFieldErrors,
  type SupervisorFormValues,
  changedSupervisorFields,
  toSupervisorFormValues,
  validateSupervisorChanges,
} from '../utils/supervisor-form';
import { DuplicateSupervisorAlert } from './duplicate-supervisor-alert';
import { SupervisorFields, supervisorFieldId } from './supervisor-fields';

export const SUPERVISOR_CONFLICT_MESSAGE = 'Noen andre har endret veilederen mens du redigerte. Last inn på nytt for å se endringene.';

interface SupervisorEditFormProps {
  supervisor: Supervisor;
  etag: string | null;
  onReload: () => Promise<{ supervisor: Supervisor; etag: string | null } | undefined>;
}

const isDirty = (values: SupervisorFormValues, s: Supervisor) => Object.keys(changedSupervisorFields(values, s)).length > 0;

export function SupervisorEditForm({ supervisor, etag, onReload }: SupervisorEditFormProps) {
  const idPrefix = useId();
  const mutation = useUpdateSupervisor();
  const statusRef = useRef<HTMLDivElement>(null);
  const form = useEditBaseline(supervisor, etag, toSupervisorFormValues, isDirty, mutation.isPending);
  const [errors, setErrors] = useState<SupervisorFieldErrors>({});
  const [status, setStatus] = useState<FormStatusState>({ kind: 'idle' });
  const [duplicate, setDuplicate] = useState<{ hprNumber: string; existingId: string | undefined } | null>(null);
  const [reloading, setReloading] = useState(false);

  const update = <K extends SupervisorField>(field: K, value: SupervisorFormValues[K]) => {
    form.setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
    if (status.kind === 'saved' || status.kind === 'unchanged') setStatus({ kind: 'idle' });
  };
  const focusFirst = (fieldErrors: SupervisorFieldErrors) => {
    const first = SUPERVISOR_FIELDS.find((field) => fieldErrors[field]);
    if (first) document.getElementById(supervisorFieldId(idPrefix, first))?.focus();
    else statusRef.current?.focus();
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    setDuplicate(null);
    const changes = changedSupervisorFields(form.values, form.baseline.value);
    if (Object.keys(changes).length === 0) {
      setErrors({});
      setStatus({ kind: 'unchanged' });
      return;
    }
    const validation = validateSupervisorChanges(changes);
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
          form.startOver({ value: saved.supervisor, etag: saved.etag });
          setStatus({ kind: 'saved' });
        },
        onError: (error) => {
          if (isProblem(error, 'precondition_failed')) setStatus({ kind: 'conflict' });
          else if (isProblem(error, 'already_exists')) {
            setDuplicate({ hprNumber: form.values.hprNumber, existingId: error.problem.existingId });
            setStatus({ kind: 'idle' });
          } else if (isApiError(error) && error.status === 400 && error.errors.length > 0) {
            const split = splitServerErrors(error.errors, SUPERVISOR_FIELDS);
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
        form.startOver({ value: fresh.supervisor, etag: fresh.etag });
        setErrors({});
        setStatus({ kind: 'idle' });
      }
    } finally {
      setReloading(false);
    }
  };

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="card">
      <h2 id={`${idPrefix}-heading`}>Endre veilederen</h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={`${idPrefix}-heading`}>
        <FormStatus
          status={status}
          statusRef={statusRef}
          conflict={<ConflictAlert message={SUPERVISOR_CONFLICT_MESSAGE} reloading={reloading} onReload={() => void reload()} />}
        />
        {duplicate ? <DuplicateSupervisorAlert hprNumber={duplicate.hprNumber} existingId={duplicate.existingId} /> : null}
        <SupervisorFields idPrefix={idPrefix} values={form.values} errors={errors} onChange={update} capacityHint="Hvor mange ALIS veilederen kan følge før det varsles." />
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
