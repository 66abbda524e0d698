import { todayInNorway } from '@alis/shared';
import { Field } from '../../../components/field';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import {
  SUPERVISOR_FIELD_LABELS,
  type SupervisorField,
  type SupervisorFieldErrors,
  type SupervisorFormValues,
  qualificationPreview,
} from '../utils/supervisor-form';

interface SupervisorFieldsProps {
  idPrefix: string;
  values: SupervisorFormValues;
  errors: SupervisorFieldErrors;
  onChange: <K extends SupervisorField>(field: K, value: SupervisorFormValues[K]) => void;
  capacityHint?: string;
}

export const supervisorFieldId = (idPrefix: string, field: SupervisorField) => `${idPrefix}-${field}`;

/** The supervisor's fields, shared by the create and edit forms. */
export function SupervisorFields({ idPrefix, values, errors, onChange, capacityHint }: SupervisorFieldsProps) {
  const fieldId = (field: SupervisorField) => supervisorFieldId(idPrefix, field);
  const text = (field: 'hprNumber' | 'name' | 'email' | 'phone' | 'capacity', props: { type?: string; inputMode?: 'numeric' | 'email' | 'tel'; hint?: string; maxLength?: number } = {}) => (
    <Field id={fieldId(field)} label={SUPERVISOR_FIELD_LABELS[field]} error={errors[field]} hint={props.hint}>
      {(control) => (
        <input
          {...control}
          name={field}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete="off"
          maxLength={props.maxLength}
          value={values[field]}
          onChange={(event) => onChange(field, event.target.value)}
        />
      )}
    </Field>
  );
  const date = (field: 'specialistApprovedOn' | 'exemptionUntil' | 'courseCompletedOn', hint?: string) => (
    <Field id={fieldId(field)} label={SUPERVISOR_FIELD_LABELS[field]} error={errors[field]} hint={hint}>
      {(control) => <input {...control} name={field} type="date" value={values[field]} onChange={(event) => onChange(field, event.target.value)} />}
    </Field>
  );
  return (
    <>
      <fieldset>
        <legend>Person</legend>
        {text('hprNumber', { inputMode: 'numeric', hint: 'Helsepersonellnummer, 7–9 siffer', maxLength: 12 })}
        {text('name', { maxLength: 200 })}
        {text('email', { type: 'email', inputMode: 'email', maxLength: 254 })}
        {text('phone', { type: 'tel', inputMode: 'tel', hint: 'For eksempel +47 22 00 00 00', maxLength: 20 })}
        <MunicipalityPicker
          id={fieldId('workplaceKommunenummer')}
          label={SUPERVISOR_FIELD_LABELS.workplaceKommunenummer}
          hint="Valgfritt"
          value={values.workplaceKommunenummer}
          error={errors.workplaceKommunenummer}
          onChange={(value) => onChange('workplaceKommunenummer', value)}
        />
      </fieldset>
      <fieldset>
        <legend>Kvalifikasjon</legend>
        <div className="field field-checkbox">
          <input
            id={fieldId('specialistInGeneralPractice')}
            name="specialistInGeneralPractice"
            type="checkbox"
            checked={values.specialistInGeneralPractice}
            onChange={(event) => onChange('specialistInGeneralPractice', event.target.checked)}
          />
          <label htmlFor={fieldId('specialistInGeneralPractice')}>{SUPERVISOR_FIELD_LABELS.specialistInGeneralPractice}</label>
        </div>
        {date('specialistApprovedOn')}
        {date('exemptionUntil', 'Helsedirektoratets tidsbegrensede fritak (§ 25) for veiledere som ikke er spesialister')}
        {date('courseCompletedOn', 'Anbefalt, ikke påkrevd')}
        {text('capacity', { inputMode: 'numeric', hint: capacityHint ?? 'Hvor mange ALIS veilederen kan følge før det varsles. Tomt gir standardverdien.', maxLength: 3 })}
        <p className="preview" aria-live="polite">
          {qualificationPreview(values, todayInNorway())}
        </p>
      </fieldset>
    </>
  );
}
