import { employmentForms, positions } from '@alis/shared';
import { Field } from '../../../components/field';
import { AGREEMENT_FIELD_LABELS, type AgreementFieldErrors, type AgreementFormValues } from '../utils/agreement-form';
import { EMPLOYMENT_FORM_LABELS, POSITION_LABELS, type Position } from '../../../entities/agreements/utils/labels';

type Editable = keyof AgreementFormValues;

interface AgreementFieldsProps {
  idPrefix: string;
  values: AgreementFormValues;
  errors: AgreementFieldErrors;
  onChange: <K extends Editable>(field: K, value: AgreementFormValues[K]) => void;
}

export const agreementFieldId = (idPrefix: string, field: string) => `${idPrefix}-${field}`;

/** The agreement's own fields, shared by the create and edit forms. */
export function AgreementFields({ idPrefix, values, errors, onChange }: AgreementFieldsProps) {
  const fieldId = (field: Editable) => agreementFieldId(idPrefix, field);
  const employmentError = errors.employmentForm;
  return (
    <>
      <fieldset
        className={employmentError ? 'field-invalid' : undefined}
        aria-describedby={employmentError ? `${fieldId('employmentForm')}-error` : undefined}
      >
        <legend>{AGREEMENT_FIELD_LABELS.employmentForm}</legend>
        <div className="radio-group">
          {employmentForms.map((form, index) => (
            <label key={form}>
              <input
                id={index === 0 ? fieldId('employmentForm') : undefined}
                type="radio"
                name={`${idPrefix}-employmentForm`}
                value={form}
                checked={values.employmentForm === form}
                aria-invalid={employmentError ? true : undefined}
                onChange={() => onChange('employmentForm', form)}
              />
              {EMPLOYMENT_FORM_LABELS[form]}
            </label>
          ))}
        </div>
        {employmentError ? (
          <p id={`${fieldId('employmentForm')}-error`} className="field-error">
            {employmentError}
          </p>
        ) : null}
      </fieldset>
      <div className="inline-fields">
        <Field id={fieldId('position')} label={AGREEMENT_FIELD_LABELS.position} error={errors.position}>
          {(control) => (
            <select {...control} name="position" value={values.position} onChange={(event) => onChange('position', event.target.value as Position | '')}>
              <option value="">Velg stilling</option>
              {positions.map((position) => (
                <option key={position} value={position}>
                  {POSITION_LABELS[position]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fieldId('positionPercent')} label={AGREEMENT_FIELD_LABELS.positionPercent} error={errors.positionPercent} hint="1–100">
          {(control) => (
            <input
              {...control}
              name="positionPercent"
              type="text"
              inputMode="numeric"
              maxLength={5}
              value={values.positionPercent}
              onChange={(event) => onChange('positionPercent', event.target.value)}
            />
          )}
        </Field>
        <Field id={fieldId('startDate')} label={AGREEMENT_FIELD_LABELS.startDate} error={errors.startDate}>
          {(control) => <input {...control} name="startDate" type="date" value={values.startDate} onChange={(event) => onChange('startDate', event.target.value)} />}
        </Field>
        <Field id={fieldId('signedOn')} label={AGREEMENT_FIELD_LABELS.signedOn} error={errors.signedOn} hint="Trengs før avtalen aktiveres">
          {(control) => <input {...control} name="signedOn" type="date" value={values.signedOn} onChange={(event) => onChange('signedOn', event.target.value)} />}
        </Field>
      </div>
      <div className={errors.viaStaffingAgency ? 'field field-checkbox field-invalid' : 'field field-checkbox'}>
        <input
          id={fieldId('viaStaffingAgency')}
          name="viaStaffingAgency"
          type="checkbox"
          checked={values.viaStaffingAgency}
          aria-describedby={`${fieldId('viaStaffingAgency')}-hint`}
          onChange={(event) => onChange('viaStaffingAgency', event.target.checked)}
        />
        <label htmlFor={fieldId('viaStaffingAgency')}>{AGREEMENT_FIELD_LABELS.viaStaffingAgency}</label>
        <p id={`${fieldId('viaStaffingAgency')}-hint`} className="field-hint" style={{ flexBasis: '100%' }}>
          Leger ansatt via bemanningsbyrå gir ikke rett til tilskudd.
        </p>
      </div>
      <Field id={fieldId('notes')} label={AGREEMENT_FIELD_LABELS.notes} error={errors.notes}>
        {(control) => <textarea {...control} name="notes" rows={3} maxLength={4000} value={values.notes} onChange={(event) => onChange('notes', event.target.value)} />}
      </Field>
    </>
  );
}
