import type { Doctor } from '@alis/shared';
import { type SubmitEvent, useId, useRef, useState } from 'react';
import { FormStatus, type FormStatusState } from '../../../components/form-status';
import { isApiError } from '../../../lib/api-client';
import { splitServerErrors } from '../../../lib/form';
import { isProblem } from '../../../lib/api-error';
import { useCreateDoctor } from '../api/create-doctor';
import { DOCTOR_FIELDS, type DoctorField, type DoctorFieldErrors, type DoctorFormValues, emptyDoctorForm, validateNewDoctor } from '../utils/doctor-form';
import { DoctorFields, doctorFieldId } from './doctor-fields';
import { DuplicateDoctorAlert } from './duplicate-doctor-alert';

interface DoctorCreateFormProps {
  onCreated: (doctor: Doctor) => void;
  onCancel?: () => void;
  /** Where the form is used to pick a doctor: lets the user take the existing one on a duplicate. */
  onUseExisting?: (existingId: string) => void;
  initialHprNumber?: string;
  submitLabel?: string;
}

/** Registers a new doctor (`POST /doctors`). A known HPR number is explained, with a link to that doctor. */
export function DoctorCreateForm({ onCreated, onCancel, onUseExisting, initialHprNumber = '', submitLabel = 'Registrer lege' }: DoctorCreateFormProps) {
  const idPrefix = useId();
  const mutation = useCreateDoctor();
  const statusRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<DoctorFormValues>(() => emptyDoctorForm(initialHprNumber));
  const [errors, setErrors] = useState<DoctorFieldErrors>({});
  const [status, setStatus] = useState<FormStatusState>({ kind: 'idle' });
  const [duplicate, setDuplicate] = useState<{ hprNumber: string; existingId: string | undefined } | null>(null);

  const update = <K extends DoctorField>(field: K, value: DoctorFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
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
    const validation = validateNewDoctor(values);
    if (!validation.ok) {
      setErrors(validation.fieldErrors);
      setStatus({ kind: 'invalid', formErrors: validation.formErrors });
      focusFirst(validation.fieldErrors);
      return;
    }
    setErrors({});
    setStatus({ kind: 'idle' });
    mutation.mutate(validation.data, {
      onSuccess: (created) => onCreated(created.doctor),
      onError: (error) => {
        if (isProblem(error, 'already_exists')) {
          setDuplicate({ hprNumber: validation.data.hprNumber, existingId: error.problem.existingId });
          setStatus({ kind: 'idle' });
        } else if (isApiError(error) && error.status === 400 && error.errors.length > 0) {
          const split = splitServerErrors(error.errors, DOCTOR_FIELDS);
          setErrors(split.fieldErrors);
          setStatus({ kind: 'invalid', formErrors: split.formErrors });
          focusFirst(split.fieldErrors);
          return;
        } else {
          setStatus({ kind: 'error', error, title: 'Kunne ikke registrere legen' });
        }
        requestAnimationFrame(() => statusRef.current?.focus());
      },
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Ny lege">
      <FormStatus status={status} statusRef={statusRef} />
      {duplicate ? <DuplicateDoctorAlert hprNumber={duplicate.hprNumber} existingId={duplicate.existingId} onUseExisting={onUseExisting} /> : null}
      <DoctorFields idPrefix={idPrefix} values={values} errors={errors} onChange={update} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Registrerer …' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={mutation.isPending}>
            Avbryt
          </button>
        ) : null}
      </div>
    </form>
  );
}
