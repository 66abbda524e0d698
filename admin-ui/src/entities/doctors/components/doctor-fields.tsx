import { Field } from '../../../components/field';
import { DOCTOR_FIELD_LABELS, type DoctorField, type DoctorFieldErrors, type DoctorFormValues, SCHEME_LABELS } from '../utils/doctor-form';

interface DoctorFieldsProps {
  idPrefix: string;
  values: DoctorFormValues;
  errors: DoctorFieldErrors;
  onChange: <K extends DoctorField>(field: K, value: DoctorFormValues[K]) => void;
}

export const doctorFieldId = (idPrefix: string, field: DoctorField) => `${idPrefix}-${field}`;

/** The doctor's fields, shared by the create and edit forms. */
export function DoctorFields({ idPrefix, values, errors, onChange }: DoctorFieldsProps) {
  const text = (field: 'hprNumber' | 'name' | 'email' | 'phone', props: { type?: string; inputMode?: 'numeric' | 'email' | 'tel'; hint?: string; maxLength?: number } = {}) => (
    <Field id={doctorFieldId(idPrefix, field)} label={DOCTOR_FIELD_LABELS[field]} error={errors[field]} hint={props.hint}>
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
  const date = (field: 'lis1CompletedOn' | 'specialistApprovedOn', hint?: string) => (
    <Field id={doctorFieldId(idPrefix, field)} label={DOCTOR_FIELD_LABELS[field]} error={errors[field]} hint={hint}>
      {(control) => <input {...control} name={field} type="date" value={values[field]} onChange={(event) => onChange(field, event.target.value)} />}
    </Field>
  );
  return (
    <>
      {text('hprNumber', { inputMode: 'numeric', hint: 'Helsepersonellnummer, 7–9 siffer', maxLength: 12 })}
      {text('name', { maxLength: 200 })}
      {text('email', { type: 'email', inputMode: 'email', maxLength: 254 })}
      {text('phone', { type: 'tel', inputMode: 'tel', hint: 'For eksempel +47 22 00 00 00', maxLength: 20 })}
      {date('lis1CompletedOn', 'Dato LIS1 (turnus) ble fullført')}
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
      {date('specialistApprovedOn', 'Når legen ble spesialist i allmennmedisin, om det har skjedd')}
    </>
  );
}
