import type { AbsencePeriod, Agreement } from '@alis/shared';
import { useId } from 'react';
import { SaveForm } from '../../../components/save-form';
import type { VersionedAgreement } from '../../../entities/agreements/api/get-agreement';
import { useUpdateAgreement } from '../../../entities/agreements/api/update-agreement';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import {
  AGREEMENT_EDIT_FIELDS,
  AGREEMENT_FIELD_LABELS,
  agreementMessageFor,
  changedAgreementFields,
  toAgreementFormValues,
  validateAgreementChanges,
} from '../utils/agreement-form';
import { AgreementFields, agreementFieldId, agreementValueText } from './agreement-fields';
import { PlannedEndDatePreview } from './planned-end-date-preview';

export const AGREEMENT_CONFLICT_MESSAGE = 'Noen andre har endret avtalen mens du redigerte. Last inn på nytt for å se endringene.';

interface AgreementEditFormProps {
  agreement: Agreement;
  etag: string | null;
  absences: readonly AbsencePeriod[];
  onReload: () => Promise<VersionedAgreement | undefined>;
}

export function AgreementEditForm({ agreement, etag, absences, onReload }: AgreementEditFormProps) {
  const idPrefix = useId();
  const mutation = useUpdateAgreement();
  const form = useVersionedForm({
    version: { value: agreement, etag },
    toValues: toAgreementFormValues,
    changes: changedAgreementFields,
    fields: AGREEMENT_EDIT_FIELDS,
    fieldId: (field) => agreementFieldId(idPrefix, field),
    validate: (_values, changes) => validateAgreementChanges(changes ?? {}),
    messageFor: agreementMessageFor,
    save: (changes, ifMatch) => mutation.mutateAsync({ id: agreement.id, etag: ifMatch, changes }),
    savedVersion: (saved) => saved,
    reload: onReload,
  });

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="card">
      <h2 id={`${idPrefix}-heading`}>Endre avtalen</h2>
      <SaveForm
        form={form}
        labels={AGREEMENT_FIELD_LABELS}
        conflictMessage={AGREEMENT_CONFLICT_MESSAGE}
        formatValue={agreementValueText}
        submitLabel="Lagre"
        savingLabel="Lagrer …"
        aria-labelledby={`${idPrefix}-heading`}
      >
        <AgreementFields idPrefix={idPrefix} values={form.values} errors={form.fieldErrors} onChange={form.update} />
        <PlannedEndDatePreview
          startDate={form.values.startDate}
          positionPercent={form.values.positionPercent}
          absences={absences}
          label={form.dirty ? 'Planlagt sluttdato med endringene' : 'Planlagt sluttdato'}
        />
      </SaveForm>
    </section>
  );
}
