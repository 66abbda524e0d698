import type { Supervisor } from '@alis/shared';
import { useId, useState } from 'react';
import { SaveForm } from '../../../components/save-form';
import { useCreateSupervisor } from '../../../entities/supervisors/api/create-supervisor';
import { isProblem } from '../../../lib/api-error';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import { SUPERVISOR_FIELDS, SUPERVISOR_FIELD_LABELS, emptySupervisorForm, supervisorMessageFor, validateNewSupervisor } from '../utils/supervisor-form';
import { type Duplicate, DuplicateSupervisorAlert } from './duplicate-supervisor-alert';
import { SupervisorFields, supervisorFieldId } from './supervisor-fields';

/** Registers a veileder or supervisør (`POST /supervisors`). */
export function SupervisorCreateForm({ onCreated }: { onCreated: (supervisor: Supervisor) => void }) {
  const idPrefix = useId();
  const mutation = useCreateSupervisor();
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const form = useVersionedForm({
    initialValues: emptySupervisorForm,
    fields: SUPERVISOR_FIELDS,
    fieldId: (field) => supervisorFieldId(idPrefix, field),
    validate: (values) => validateNewSupervisor(values),
    messageFor: supervisorMessageFor,
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
      labels={SUPERVISOR_FIELD_LABELS}
      submitLabel="Registrer veileder"
      savingLabel="Registrerer …"
      errorTitle="Kunne ikke registrere veilederen"
      aria-label="Ny veileder"
    >
      {duplicate ? <DuplicateSupervisorAlert {...duplicate} /> : null}
      <SupervisorFields idPrefix={idPrefix} values={form.values} errors={form.fieldErrors} onChange={form.update} />
    </SaveForm>
  );
}
