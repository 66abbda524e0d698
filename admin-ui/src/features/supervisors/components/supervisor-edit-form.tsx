import type { Supervisor } from '@alis/shared';
import { useId, useState } from 'react';
import { SaveForm } from '../../../components/save-form';
import { useUpdateSupervisor } from '../../../entities/supervisors/api/update-supervisor';
import type { Versioned } from '../../../lib/api-client';
import { isProblem } from '../../../lib/api-error';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import {
  SUPERVISOR_FIELDS,
  SUPERVISOR_FIELD_LABELS,
  changedSupervisorFields,
  supervisorMessageFor,
  toSupervisorFormValues,
  validateSupervisorChanges,
} from '../utils/supervisor-form';
import { type Duplicate, DuplicateSupervisorAlert } from './duplicate-supervisor-alert';
import { SupervisorFields, supervisorFieldId } from './supervisor-fields';

export const SUPERVISOR_CONFLICT_MESSAGE = 'Noen andre har endret veilederen mens du redigerte. Last inn på nytt for å se endringene.';

interface SupervisorEditFormProps {
  /** Where the page links into the form (a missing approval date …); the form's own otherwise. */
  idPrefix?: string;
  supervisor: Supervisor;
  etag: string | null;
  onReload: () => Promise<Versioned<Supervisor> | undefined>;
}

export function SupervisorEditForm({ idPrefix: pageIdPrefix, supervisor, etag, onReload }: SupervisorEditFormProps) {
  const ownIdPrefix = useId();
  const idPrefix = pageIdPrefix ?? ownIdPrefix;
  const mutation = useUpdateSupervisor();
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const form = useVersionedForm({
    version: { value: supervisor, etag },
    toValues: toSupervisorFormValues,
    changes: changedSupervisorFields,
    fields: SUPERVISOR_FIELDS,
    fieldId: (field) => supervisorFieldId(idPrefix, field),
    validate: (_values, changes) => validateSupervisorChanges(changes ?? {}),
    messageFor: supervisorMessageFor,
    save: (changes, ifMatch) => mutation.mutateAsync({ id: supervisor.id, etag: ifMatch, changes }),
    savedVersion: (saved) => saved,
    reload: onReload,
    beforeSubmit: () => setDuplicate(null),
    onProblem: (error, _body, values) => {
      if (!isProblem(error, 'already_exists')) return false;
      setDuplicate({ hprNumber: values.hprNumber, existingId: error.problem.existingId });
      return true;
    },
  });

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="card">
      <h2 id={`${idPrefix}-heading`}>Endre veilederen</h2>
      <SaveForm
        form={form}
        labels={SUPERVISOR_FIELD_LABELS}
        conflictMessage={SUPERVISOR_CONFLICT_MESSAGE}
        submitLabel="Lagre"
        savingLabel="Lagrer …"
        aria-labelledby={`${idPrefix}-heading`}
      >
        {duplicate ? <DuplicateSupervisorAlert {...duplicate} /> : null}
        <SupervisorFields
          idPrefix={idPrefix}
          values={form.values}
          errors={form.fieldErrors}
          onChange={form.update}
          capacityHint="Hvor mange ALIS veilederen kan følge før det varsles."
        />
      </SaveForm>
    </section>
  );
}
