import type { Supervisor } from '@alis/shared';
import { type SubmitEvent, useId, useRef, useState } from 'react';
import { FormStatus, type FormStatusState } from '../../../components/form-status';
import { isApiError } from '../../../lib/api-client';
import { splitServerErrors } from '../../../lib/form';
import { isProblem } from '../../../lib/api-error';
import { useCreateSupervisor } from '../../../entities/supervisors/api/create-supervisor';
import {
  SUPERVISOR_FIELDS,
  type SupervisorField,
  type SupervisorFieldErrors,
  type SupervisorFormValues,
  emptySupervisorForm,
  validateNewSupervisor,
} from '../utils/supervisor-form';
import { DuplicateSupervisorAlert } from './duplicate-supervisor-alert';
import { SupervisorFields, supervisorFieldId } from './supervisor-fields';

/** Registers a veileder or supervisør (`POST /supervisors`). */
export function SupervisorCreateForm({ onCreated }: { onCreated: (supervisor: Supervisor) => void }) {
  const idPrefix = useId();
  const mutation = useCreateSupervisor();
  const statusRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<SupervisorFormValues>(emptySupervisorForm);
  const [errors, setErrors] = useState<SupervisorFieldErrors>({});
  const [status, setStatus] = useState<FormStatusState>({ kind: 'idle' });
  const [duplicate, setDuplicate] = useState<{ hprNumber: string; existingId: string | undefined } | null>(null);

  const update = <K extends SupervisorField>(field: K, value: SupervisorFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
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
    const validation = validateNewSupervisor(values);
    if (!validation.ok) {
      setErrors(validation.fieldErrors);
      setStatus({ kind: 'invalid', formErrors: validation.formErrors });
      focusFirst(validation.fieldErrors);
      return;
    }
    setErrors({});
    setStatus({ kind: 'idle' });
    mutation.mutate(validation.data, {
      onSuccess: onCreated,
      onError: (error) => {
        if (isProblem(error, 'already_exists')) {
          setDuplicate({ hprNumber: validation.data.hprNumber, existingId: error.problem.existingId });
          setStatus({ kind: 'idle' });
        } else if (isApiError(error) && error.status === 400 && error.errors.length > 0) {
          const split = splitServerErrors(error.errors, SUPERVISOR_FIELDS);
          setErrors(split.fieldErrors);
          setStatus({ kind: 'invalid', formErrors: split.formErrors });
          focusFirst(split.fieldErrors);
          return;
        } else {
          setStatus({ kind: 'error', error, title: 'Kunne ikke registrere veilederen' });
        }
        requestAnimationFrame(() => statusRef.current?.focus());
      },
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Ny veileder">
      <FormStatus status={status} statusRef={statusRef} />
      {duplicate ? <DuplicateSupervisorAlert hprNumber={duplicate.hprNumber} existingId={duplicate.existingId} /> : null}
      <SupervisorFields idPrefix={idPrefix} values={values} errors={errors} onChange={update} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Registrerer …' : 'Registrer veileder'}
        </button>
      </div>
    </form>
  );
}
