import type { StaffRole } from '@alis/shared';
import { Field } from '../../../components/field';
import { CheckboxField, TextField } from '../../../components/text-field';
import { useOffices } from '../../../entities/reference/api/get-offices';
import type { FieldErrors } from '../../../lib/form';
import { ROLE_OPTIONS, USER_FIELD_LABELS, type UserField, type UserFormValues } from '../utils/user-form';

interface UserFieldsProps {
  idPrefix: string;
  fields: readonly UserField[];
  values: UserFormValues;
  errors: FieldErrors<UserField>;
  onChange: <K extends UserField>(field: K, value: UserFormValues[K]) => void;
  onGeneratePassword?: () => void;
}

export const userFieldId = (idPrefix: string, field: UserField) => `${idPrefix}-${field}`;

/** The fields of a staff user, for creating one and for changing role, office, name and whether it is active. */
export function UserFields({ idPrefix, fields, values, errors, onChange, onGeneratePassword }: UserFieldsProps) {
  const offices = useOffices();
  const id = (field: UserField) => userFieldId(idPrefix, field);
  const show = (field: UserField) => fields.includes(field);
  return (
    <>
      {show('name') ? <TextField id={id('name')} name="name" label={USER_FIELD_LABELS.name} value={values.name} error={errors.name} onChange={(value) => onChange('name', value)} maxLength={200} /> : null}
      {show('email') ? (
        <TextField id={id('email')} name="email" type="email" label={USER_FIELD_LABELS.email} value={values.email} error={errors.email} onChange={(value) => onChange('email', value)} maxLength={254} />
      ) : null}
      <Field id={id('role')} label={USER_FIELD_LABELS.role} error={errors.role}>
        {(control) => (
          <select {...control} value={values.role} onChange={(event) => onChange('role', event.target.value as StaffRole | '')}>
            <option value="">Velg rolle</option>
            {ROLE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {values.role === 'office' ? (
        <Field id={id('officeCode')} label={USER_FIELD_LABELS.officeCode} error={errors.officeCode}>
          {(control) => (
            <select {...control} value={values.officeCode} onChange={(event) => onChange('officeCode', event.target.value)}>
              <option value="">{offices.isPending ? 'Laster kontorene …' : 'Velg kontor'}</option>
              {offices.data?.map((office) => (
                <option key={office.code} value={office.code}>
                  {office.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {show('active') ? (
        <CheckboxField
          id={id('active')}
          name="active"
          label="Aktiv (kan logge inn)"
          hint="En deaktivert bruker logges ut med en gang og kan ikke logge inn."
          checked={values.active}
          error={errors.active}
          onChange={(checked) => onChange('active', checked)}
        />
      ) : null}
      {show('password') ? (
        <>
          <TextField
            id={id('password')}
            name="password"
            label={USER_FIELD_LABELS.password}
            hint="Minst 12 tegn. Gi det til brukeren på en trygg måte; brukeren må velge sitt eget passord ved første innlogging."
            value={values.password}
            error={errors.password}
            onChange={(value) => onChange('password', value)}
            maxLength={256}
          />
          {onGeneratePassword ? (
            <button type="button" className="button button-secondary button-small" onClick={onGeneratePassword}>
              Lag et passord
            </button>
          ) : null}
        </>
      ) : null}
    </>
  );
}
