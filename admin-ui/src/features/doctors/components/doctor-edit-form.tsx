import type { Doctor } from '@alis/shared';
import { type SubmitEvent, useId, useRef, useState } from 'react';
import { ConflictAlert } from '../../../components/conflict-alert';
import { FormStatus, type FormStatusState } from '../../../components/form-status';
import { isApiError } from '../../../lib/api-client';
import { splitServerErrors } from '../../../lib/form';
import { isProblem } from '../../../lib/api-error';
import { useEditBaseline } from '../../../lib/use-edit-baseline';
import type { VersionedDoctor } from '../../../entities/doctors/api/get-doctor';
import { useUpdateDoctor } from '../../../entities/doctors/api/update-doctor';
import {
  DOCTOR_FIELDS,
  type DoctorField,
  type DoctorFieldErrors,
  type DoctorFormValues,
  changedDoctorFields,
  toDoctorFormValues,
  validateDoctorChanges,
} from '../../../entities/doctors/utils/doctor-form';
import { DoctorFields, doctorFieldId } from '../../../entities/doctors/components/doctor-fields';
import { DuplicateDoctorAlert } from '../../../entities/doctors/components/duplicate-doctor-alert';

export const DOCTOR_CONFLICT_MESSAGE = 'Noen andre har endret legen mens du redigerte. Last inn på nytt for å se endringene.';

interface DoctorEditFormProps {
  doctor: Doctor;
  etag: string | null;
  onReload: () => Promise<VersionedDoctor | undefined>;
}

const isDirty = (values: DoctorFormValues, doctor: Doctor) => Object.keys(changedDoctorFields(values, doctor)).length > 0;

export function DoctorEditForm({ doctor, etag, onReload }: DoctorEditFormProps) {
  const idPrefix = useId();
  const mutation = useUpdateDoctor();
  const statusRef = useRef<HTMLDivElement>(null);
  const form = useEditBaseline(doctor, etag, toDoctorFormValues, isDirty, mutation.isPending);
  const [errors, setErrors] = useState<DoctorFieldErrors>({});
  const [status, setStatus] = useState<FormStatusState>({ kind: 'idle' });
  const [duplicate, setDuplicate] = useState<{ hprNumber: string; existingId: string | undefined } | null>(null);
  const [reloading, setReloading] = useState(false);

  const update = <K extends DoctorField>(field: K, value: DoctorFormValues[K]) => {
    form.setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
    if (status.kind === 'saved' || status.kind === 'unchanged') setStatus({ kind: 'idle' });
  };
  const focusFirst = (fieldErrors: DoctorFieldErrors) => {
    const first = DOCTOR_FIELDS.find((field) => fieldErrors[field]);
    if (first) document.getElementById(doctorFieldId(idPrefix, first))?.focus();
    else statusRef.current?.focus();
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    setDuplicate(null);
    const changes = changedDoctorFields(form.values, form.baseline.value);
    if (Object.keys(changes).length === 0) {
      setErrors({});
      setStatus({ kind: 'unchanged' });
      return;
    }
    const validation = validateDoctorChanges(changes);
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
          form.startOver({ value: saved.doctor, etag: saved.etag });
          setStatus({ kind: 'saved' });
        },
        onError: (error) => {
          if (isProblem(error, 'precondition_failed')) setStatus({ kind: 'conflict' });
          else if (isProblem(error, 'already_exists')) {
            setDuplicate({ hprNumber: validation.data.hprNumber ?? form.values.hprNumber, existingId: error.problem.existingId });
            setStatus({ kind: 'idle' });
          } else if (isApiError(error) && error.status === 400 && error.errors.length > 0) {
            const split = splitServerErrors(error.errors, DOCTOR_FIELDS);
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
        form.startOver({ value: fresh.doctor, etag: fresh.etag });
        setErrors({});
        setStatus({ kind: 'idle' });
      }
    } finally {
      setReloading(false);
    }
  };

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="card">
      <h2 id={`${idPrefix}-heading`}>Endre legen</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormStatus
          status={status}
          statusRef={statusRef}
          conflict={<ConflictAlert message={DOCTOR_CONFLICT_MESSAGE} reloading={reloading} onReload={() => void reload()} />}
        />
        {duplicate ? <DuplicateDoctorAlert hprNumber={duplicate.hprNumber} existingId={duplicate.existingId} /> : null}
        <DoctorFields idPrefix={idPrefix} values={form.values} errors={errors} onChange={update} />
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
