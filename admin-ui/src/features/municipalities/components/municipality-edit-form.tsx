import type { Municipality, Office } from '@alis/shared';
import { useId } from 'react';
import { Field } from '../../../components/field';
import { SaveForm } from '../../../components/save-form';
import { CheckboxField, TextField } from '../../../components/text-field';
import type { VersionedMunicipality } from '../../../entities/municipalities/api/get-municipality';
import { useUpdateMunicipality } from '../../../entities/municipalities/api/update-municipality';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import { EDITABLE_FIELDS, type EditableField, FIELD_LABELS, changedFields, messageFor, toFormValues, validateChanges } from '../utils/edit-form';

export const CONFLICT_MESSAGE = 'Noen andre har endret kommunen mens du redigerte. Last inn på nytt for å se endringene.';

interface MunicipalityEditFormProps {
  municipality: Municipality;
  etag: string | null;
  /** Only an admin moves a municipality to another ALIS office. */
  canChangeOffice: boolean;
  offices: Office[] | undefined;
  /** Fetches the municipality again; the form starts over from what it returns. */
  onReload: () => Promise<VersionedMunicipality | undefined>;
}

export function MunicipalityEditForm({ municipality, etag, canChangeOffice, offices, onReload }: MunicipalityEditFormProps) {
  const id = useId();
  const fieldId = (field: EditableField) => `${id}-${field}`;
  const mutation = useUpdateMunicipality();
  const form = useVersionedForm({
    version: { value: municipality, etag },
    toValues: toFormValues,
    changes: (values, original) => changedFields(values, original, { canChangeOffice }),
    fields: EDITABLE_FIELDS,
    fieldId,
    validate: (_values, changes) => validateChanges(changes ?? {}),
    messageFor,
    save: (changes, ifMatch) => mutation.mutateAsync({ kommunenummer: municipality.kommunenummer, etag: ifMatch, changes }),
    savedVersion: (saved) => saved,
    reload: onReload,
  });
  const { values, update, fieldErrors } = form;
  const officeName = (code: string) => offices?.find((office) => office.code === code)?.name ?? code;

  const text = (field: 'organisationNumber' | 'population' | 'contactName' | 'contactEmail' | 'contactPhone', props: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField id={fieldId(field)} name={field} label={FIELD_LABELS[field]} value={values[field]} error={fieldErrors[field]} onChange={(value) => update(field, value)} {...props} />
  );

  return (
    <section aria-labelledby="edit-heading" className="card">
      <h2 id="edit-heading">Endre opplysninger</h2>
      <SaveForm
        form={form}
        className="form edit-form"
        labels={FIELD_LABELS}
        conflictMessage={CONFLICT_MESSAGE}
        formatValue={(field, value) => (field === 'officeCode' && typeof value === 'string' ? officeName(value) : undefined)}
        submitLabel="Lagre"
        savingLabel="Lagrer …"
      >
        <fieldset>
          <legend>Kommunen</legend>
          {text('organisationNumber', { inputMode: 'numeric', hint: '9 siffer, for eksempel 974760673', maxLength: 20 })}
          <Field id={fieldId('centralityClass')} label={FIELD_LABELS.centralityClass} error={fieldErrors.centralityClass} hint="1 er mest sentral, 6 minst sentral">
            {(control) => (
              <select {...control} name="centralityClass" value={values.centralityClass} onChange={(event) => update('centralityClass', event.target.value)}>
                <option value="">Ikke satt</option>
                {[1, 2, 3, 4, 5, 6].map((value) => (
                  <option key={value} value={String(value)}>
                    {value}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('population', { inputMode: 'numeric', maxLength: 12 })}
          <CheckboxField
            id={fieldId('recruitmentChallenged')}
            name="recruitmentChallenged"
            label={FIELD_LABELS.recruitmentChallenged}
            checked={values.recruitmentChallenged}
            error={fieldErrors.recruitmentChallenged}
            onChange={(checked) => update('recruitmentChallenged', checked)}
          />
          {canChangeOffice ? (
            <Field id={fieldId('officeCode')} label={FIELD_LABELS.officeCode} error={fieldErrors.officeCode}>
              {(control) => (
                <select {...control} name="officeCode" value={values.officeCode} onChange={(event) => update('officeCode', event.target.value)}>
                  {offices?.some((office) => office.code === values.officeCode) ? null : <option value={values.officeCode}>{values.officeCode}</option>}
                  {offices?.map((office) => (
                    <option key={office.code} value={office.code}>
                      {office.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>Kontaktperson</legend>
          {text('contactName', { maxLength: 200 })}
          {text('contactEmail', { type: 'email', inputMode: 'email', maxLength: 254 })}
          {text('contactPhone', { type: 'tel', inputMode: 'tel', hint: 'For eksempel +47 22 00 00 00', maxLength: 20 })}
        </fieldset>

        <TextField id={fieldId('notes')} name="notes" label={FIELD_LABELS.notes} rows={5} maxLength={4000} value={values.notes} error={fieldErrors.notes} onChange={(value) => update('notes', value)} />
      </SaveForm>
    </section>
  );
}
