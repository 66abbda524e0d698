import { todayInNorway } from '@alis/shared';
import { TextField, YesNoField } from '../../../components/text-field';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import type { FieldErrors } from '../../../lib/form';
import { SUPERVISOR_FIELD_LABELS, type SupervisorField, type SupervisorFormValues, qualificationPreview } from '../utils/supervisor-form';

interface SupervisorFieldsProps {
  idPrefix: string;
  values: SupervisorFormValues;
  errors: FieldErrors<SupervisorField>;
  onChange: <K extends SupervisorField>(field: K, value: SupervisorFormValues[K]) => void;
  capacityHint?: string;
}

export const supervisorFieldId = (idPrefix: string, field: SupervisorField) => `${idPrefix}-${field}`;

type TextProps = Omit<Parameters<typeof TextField>[0], 'id' | 'label' | 'value' | 'onChange'>;

/** The supervisor's fields, shared by the create and edit forms. */
export function SupervisorFields({ idPrefix, values, errors, onChange, capacityHint }: SupervisorFieldsProps) {
  const fieldId = (field: SupervisorField) => supervisorFieldId(idPrefix, field);
  const text = (field: Exclude<SupervisorField, 'specialistInGeneralPractice'>, props: TextProps = {}) => (
    <TextField id={fieldId(field)} name={field} label={SUPERVISOR_FIELD_LABELS[field]} value={values[field]} error={errors[field]} onChange={(value) => onChange(field, value)} {...props} />
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
        <YesNoField
          id={fieldId('specialistInGeneralPractice')}
          name="specialistInGeneralPractice"
          label={SUPERVISOR_FIELD_LABELS.specialistInGeneralPractice}
          value={values.specialistInGeneralPractice}
          error={errors.specialistInGeneralPractice}
          onChange={(value) => onChange('specialistInGeneralPractice', value)}
        />
        {text('specialistApprovedOn', { type: 'date' })}
        {text('exemptionFrom', { type: 'date', hint: 'Helsedirektoratets tidsbegrensede fritak (§ 25) for veiledere som ikke er spesialister: første dag det gjelder' })}
        {text('exemptionUntil', { type: 'date', hint: 'Siste dag fritaket gjelder' })}
        {text('courseCompletedOn', { type: 'date', hint: 'Anbefalt, ikke påkrevd' })}
        {text('capacity', { inputMode: 'numeric', hint: capacityHint ?? 'Hvor mange ALIS veilederen kan følge før det varsles. Tomt gir standardverdien.', maxLength: 3 })}
        <p className="preview" aria-live="polite">
          {qualificationPreview(values, todayInNorway())}
        </p>
      </fieldset>
    </>
  );
}
