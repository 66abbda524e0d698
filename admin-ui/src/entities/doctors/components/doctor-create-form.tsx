import type { Doctor } from '@alis/shared';
import { useId, useState } from 'react';
import { SaveForm } from '../../../components/save-form';
import { isProblem } from '../../../lib/api-error';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import { useCreateDoctor } from '../api/create-doctor';
import { DOCTOR_FIELDS, DOCTOR_FIELD_LABELS, doctorMessageFor, emptyDoctorForm, validateNewDoctor } from '../utils/doctor-form';
import { DoctorFields, doctorFieldId } from './doctor-fields';
import { type Duplicate, DuplicateDoctorAlert } from './duplicate-doctor-alert';

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
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const form = useVersionedForm({
    initialValues: () => emptyDoctorForm(initialHprNumber),
    fields: DOCTOR_FIELDS,
    fieldId: (field) => doctorFieldId(idPrefix, field),
    validate: (values) => validateNewDoctor(values),
    messageFor: doctorMessageFor,
    save: (body) => mutation.mutateAsync(body),
    onSaved: (created) => onCreated(created.value),
    beforeSubmit: () => setDuplicate(null),
    onProblem: (error, body) => {
      if (!isProblem(error, 'already_exists')) return false;
      setDuplicate({ hprNumber: body.hprNumber, existingId: error.problem.existingId });
      return true;
    },
  });

  return (
    <SaveForm
      form={form}
      labels={DOCTOR_FIELD_LABELS}
      submitLabel={submitLabel}
      savingLabel="Registrerer …"
      errorTitle="Kunne ikke registrere legen"
      aria-label="Ny lege"
      actions={
        onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={form.saving}>
            Avbryt
          </button>
        ) : null
      }
    >
      {duplicate ? <DuplicateDoctorAlert {...duplicate} onUseExisting={onUseExisting} /> : null}
      <DoctorFields idPrefix={idPrefix} values={form.values} errors={form.fieldErrors} onChange={form.update} />
    </SaveForm>
  );
}
