import type { AbsencePeriod, Agreement } from '@alis/shared';
import { useId } from 'react';
import { SaveForm } from '../../../components/save-form';
import { TextField } from '../../../components/text-field';
import type { VersionedAgreement } from '../../../entities/agreements/api/get-agreement';
import { useUpdateAgreement } from '../../../entities/agreements/api/update-agreement';
import { formatDate } from '../../../lib/format';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import {
  AGREEMENT_EDIT_FIELDS,
  AGREEMENT_EDIT_FIELD_LABELS,
  agreementMessageFor,
  asksShareFrom,
  changedAgreementEditFields,
  toAgreementEditValues,
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
    toValues: toAgreementEditValues,
    changes: changedAgreementEditFields,
    fields: AGREEMENT_EDIT_FIELDS,
    fieldId: (field) => agreementFieldId(idPrefix, field),
    validate: (_values, changes) => validateAgreementChanges(changes ?? {}),
    messageFor: agreementMessageFor,
    save: (changes, ifMatch) => mutation.mutateAsync({ id: agreement.id, etag: ifMatch, changes }),
    savedVersion: (saved) => saved,
    reload: onReload,
  });
  const saved = form.resource ?? agreement;

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="card">
      <h2 id={`${idPrefix}-heading`}>Endre avtalen</h2>
      <SaveForm
        form={form}
        labels={AGREEMENT_EDIT_FIELD_LABELS}
        conflictMessage={AGREEMENT_CONFLICT_MESSAGE}
        formatValue={agreementValueText}
        submitLabel="Lagre"
        savingLabel="Lagrer …"
        aria-labelledby={`${idPrefix}-heading`}
      >
        <AgreementFields
          idPrefix={idPrefix}
          values={form.values}
          errors={form.fieldErrors}
          onChange={form.update}
          shareFrom={
            asksShareFrom(form.values, saved) || form.fieldErrors.positionPercentFrom ? (
              <TextField
                id={agreementFieldId(idPrefix, 'positionPercentFrom')}
                name="positionPercentFrom"
                type="date"
                label={AGREEMENT_EDIT_FIELD_LABELS.positionPercentFrom}
                hint={`Første dag med ny stillingsprosent, tidligst startdatoen ${formatDate(saved.startDate)}`}
                value={form.values.positionPercentFrom}
                error={form.fieldErrors.positionPercentFrom}
                onChange={(value) => form.update('positionPercentFrom', value)}
              />
            ) : null
          }
        />
        <PlannedEndDatePreview
          values={form.values}
          absences={absences}
          saved={saved}
          label={form.dirty ? 'Planlagt sluttdato med endringene' : 'Planlagt sluttdato'}
        />
      </SaveForm>
    </section>
  );
}
