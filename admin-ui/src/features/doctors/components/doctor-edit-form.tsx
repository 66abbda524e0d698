import type { Doctor } from '@alis/shared';
import { useId, useState } from 'react';
import { SaveForm } from '../../../components/save-form';
import type { VersionedDoctor } from '../../../entities/doctors/api/get-doctor';
import { useUpdateDoctor } from '../../../entities/doctors/api/update-doctor';
import { DoctorFields, doctorFieldId } from '../../../entities/doctors/components/doctor-fields';
import { type Duplicate, DuplicateDoctorAlert } from '../../../entities/doctors/components/duplicate-doctor-alert';
import {
  DOCTOR_FIELDS,
  DOCTOR_FIELD_LABELS,
  SCHEME_LABELS,
  changedDoctorFields,
  doctorMessageFor,
  toDoctorFormValues,
  validateDoctorChanges,
} from '../../../entities/doctors/utils/doctor-form';
import { isProblem } from '../../../lib/api-error';
import { labelOf } from '../../../lib/format';
import { useVersionedForm } from '../../../lib/use-versioned-form';

export const DOCTOR_CONFLICT_MESSAGE = 'Noen andre har endret legen mens du redigerte. Last inn på nytt for å se endringene.';

interface DoctorEditFormProps {
  doctor: Doctor;
  etag: string | null;
  onReload: () => Promise<VersionedDoctor | undefined>;
}

export function DoctorEditForm({ doctor, etag, onReload }: DoctorEditFormProps) {
  const idPrefix = useId();
  const mutation = useUpdateDoctor();
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const form = useVersionedForm({
    version: { value: doctor, etag },
    toValues: toDoctorFormValues,
    changes: changedDoctorFields,
    fields: DOCTOR_FIELDS,
    fieldId: (field) => doctorFieldId(idPrefix, field),
    validate: (_values, changes) => validateDoctorChanges(changes ?? {}),
    messageFor: doctorMessageFor,
    save: (changes, ifMatch) => mutation.mutateAsync({ id: doctor.id, etag: ifMatch, changes }),
    savedVersion: (saved) => saved,
    reload: onReload,
    beforeSubmit: () => setDuplicate(null),
    onProblem: (error, body, values) => {
      if (!isProblem(error, 'already_exists')) return false;
      setDuplicate({ hprNumber: body.hprNumber ?? values.hprNumber, existingId: error.problem.existingId });
      return true;
    },
  });

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="card">
      <h2 id={`${idPrefix}-heading`}>Endre legen</h2>
      <SaveForm
        form={form}
        labels={DOCTOR_FIELD_LABELS}
        conflictMessage={DOCTOR_CONFLICT_MESSAGE}
        formatValue={(field, value) => (field === 'scheme' ? labelOf(SCHEME_LABELS, value) : undefined)}
        submitLabel="Lagre"
        savingLabel="Lagrer …"
      >
        {duplicate ? <DuplicateDoctorAlert {...duplicate} /> : null}
        <DoctorFields idPrefix={idPrefix} values={form.values} errors={form.fieldErrors} onChange={form.update} />
      </SaveForm>
    </section>
  );
}
