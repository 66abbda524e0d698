import { employmentForms, positions } from '@alis/shared';
import type { ReactNode } from 'react';
import { Field } from '../../../components/field';
import { CheckboxField, TextField } from '../../../components/text-field';
import type { FieldErrors } from '../../../lib/form';
import { labelOf } from '../../../lib/format';
import { AGREEMENT_FIELD_LABELS, type AgreementField, type AgreementFormValues } from '../utils/agreement-form';
import { EMPLOYMENT_FORM_LABELS, POSITION_LABELS, type Position } from '../../../entities/agreements/utils/labels';

type Editable = keyof AgreementFormValues;

interface AgreementFieldsProps<V extends AgreementFormValues> {
  idPrefix: string;
  values: V;
  errors: FieldErrors<AgreementField>;
  onChange: <K extends Editable>(field: K, value: V[K]) => void;
  /** Right after the percentage: when a new one takes effect (the edit form of an active agreement). */
  shareFrom?: ReactNode;
}

export const agreementFieldId = (idPrefix: string, field: string) => `${idPrefix}-${field}`;

/** A chosen employment form or position by its label, for the differences shown after a 412. */
export function agreementValueText(field: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (field === 'employmentForm') return labelOf(EMPLOYMENT_FORM_LABELS, value);
  if (field === 'position') return labelOf(POSITION_LABELS, value);
  return undefined;
}

/** The agreement's own fields, shared by the create and edit forms. */
export function AgreementFields<V extends AgreementFormValues>({ idPrefix, values, errors, onChange, shareFrom }: AgreementFieldsProps<V>) {
  const fieldId = (field: Editable) => agreementFieldId(idPrefix, field);
  const employmentError = errors.employmentForm;
  const date = (field: 'startDate' | 'signedOn', hint?: string) => (
    <TextField id={fieldId(field)} name={field} type="date" label={AGREEMENT_FIELD_LABELS[field]} hint={hint} value={values[field]} error={errors[field]} onChange={(value) => onChange(field, value)} />
  );
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
        <TextField
          id={fieldId('positionPercent')}
          name="positionPercent"
          label={AGREEMENT_FIELD_LABELS.positionPercent}
          hint="1–100"
          inputMode="numeric"
          maxLength={5}
          value={values.positionPercent}
          error={errors.positionPercent}
          onChange={(value) => onChange('positionPercent', value)}
        />
        {shareFrom}
        {date('startDate')}
        {date('signedOn', 'Trengs før avtalen aktiveres')}
      </div>
      <CheckboxField
        id={fieldId('viaStaffingAgency')}
        name="viaStaffingAgency"
        label={AGREEMENT_FIELD_LABELS.viaStaffingAgency}
        hint="Leger ansatt via bemanningsbyrå gir ikke rett til tilskudd."
        checked={values.viaStaffingAgency}
        error={errors.viaStaffingAgency}
        onChange={(checked) => onChange('viaStaffingAgency', checked)}
      />
      <TextField
        id={fieldId('notes')}
        name="notes"
        label={AGREEMENT_FIELD_LABELS.notes}
        rows={3}
        maxLength={4000}
        value={values.notes}
        error={errors.notes}
        onChange={(value) => onChange('notes', value)}
      />
    </>
  );
}
