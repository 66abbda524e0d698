import { useId } from 'react';
import { SaveForm } from '../../../components/save-form';
import { TextField } from '../../../components/text-field';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import { useChangePassword } from '../api/change-password';
import { PASSWORD_FIELDS, PASSWORD_FIELD_LABELS, type PasswordField, emptyPasswordForm, validatePasswordForm } from '../utils/password-form';

/** The user's own new password, with the current one; on success the session goes on as a new one. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const id = useId();
  const mutation = useChangePassword();
  const fieldId = (field: PasswordField) => `${id}-${field}`;
  const form = useVersionedForm({
    initialValues: emptyPasswordForm,
    fields: PASSWORD_FIELDS,
    fieldId,
    validate: (values) => validatePasswordForm(values),
    save: (body) => mutation.mutateAsync(body),
    onSaved: onChanged,
  });
  return (
    <SaveForm
      form={form}
      labels={PASSWORD_FIELD_LABELS}
      submitLabel="Bytt passord"
      savingLabel="Bytter passord …"
      errorTitle="Kunne ikke bytte passord"
      aria-labelledby={`${id}-heading`}
      heading={<h2 id={`${id}-heading`}>Bytt passord</h2>}
    >
      {PASSWORD_FIELDS.map((field) => (
        <TextField
          key={field}
          id={fieldId(field)}
          name={field}
          type="password"
          autoComplete={field === 'currentPassword' ? 'current-password' : 'new-password'}
          label={PASSWORD_FIELD_LABELS[field]}
          hint={field === 'newPassword' ? 'Minst 12 tegn. En setning med flere ord er lett å huske og vanskelig å gjette.' : undefined}
          value={form.values[field]}
          error={form.fieldErrors[field]}
          onChange={(value) => form.update(field, value)}
        />
      ))}
    </SaveForm>
  );
}
