import { Field } from '../../../components/field';
import { TextField } from '../../../components/text-field';
import type { FieldErrors } from '../../../lib/form';
import { DOCTOR_FIELD_LABELS, type DoctorField, type DoctorFormValues, SCHEME_LABELS } from '../utils/doctor-form';

interface DoctorFieldsProps {
  idPrefix: string;
  values: DoctorFormValues;
  errors: FieldErrors<DoctorField>;
  onChange: <K extends DoctorField>(field: K, value: DoctorFormValues[K]) => void;
}

export const doctorFieldId = (idPrefix: string, field: DoctorField) => `${idPrefix}-${field}`;

type TextProps = Omit<Parameters<typeof TextField>[0], 'id' | 'label' | 'value' | 'onChange'>;

/** The doctor's fields, shared by the create and edit forms. */
export function DoctorFields({ idPrefix, values, errors, onChange }: DoctorFieldsProps) {
  const text = (field: Exclude<DoctorField, 'scheme'>, props: TextProps = {}) => (
    <TextField
      id={doctorFieldId(idPrefix, field)}
      name={field}
      label={DOCTOR_FIELD_LABELS[field]}
      value={values[field]}
      error={errors[field]}
      onChange={(value) => onChange(field, value)}
      {...props}
    />
  );
  return (
    <>
      {text('hprNumber', { inputMode: 'numeric', hint: 'Helsepersonellnummer, 7–9 siffer', maxLength: 12 })}
      {text('name', { maxLength: 200 })}
      {text('email', { type: 'email', inputMode: 'email', maxLength: 254 })}
      {text('phone', { type: 'tel', inputMode: 'tel', hint: 'For eksempel +47 22 00 00 00', maxLength: 20 })}
      {text('lis1CompletedOn', { type: 'date', hint: 'Dato LIS1 (turnus) ble fullført' })}
      <Field id={doctorFieldId(idPrefix, 'scheme')} label={DOCTOR_FIELD_LABELS.scheme} error={errors.scheme}>
        {(control) => (
          <select {...control} name="scheme" value={values.scheme} onChange={(event) => onChange('scheme', event.target.value as DoctorFormValues['scheme'])}>
            {(Object.keys(SCHEME_LABELS) as DoctorFormValues['scheme'][]).map((scheme) => (
              <option key={scheme} value={scheme}>
                {SCHEME_LABELS[scheme]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('specialistApprovedOn', { type: 'date', hint: 'Når legen ble spesialist i allmennmedisin, om det har skjedd' })}
    </>
  );
}
