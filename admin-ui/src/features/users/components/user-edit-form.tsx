import type { User } from '@alis/shared';
import { updateUserRequest } from '@alis/shared';
import { useId, useState } from 'react';
import { SaveForm } from '../../../components/save-form';
import { TextField } from '../../../components/text-field';
import type { VersionedUser } from '../../../entities/users/api/get-user';
import { useUpdateUser } from '../../../entities/users/api/update-user';
import { labelOf } from '../../../lib/format';
import { validateWith } from '../../../lib/form';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import {
  EDIT_USER_FIELDS,
  ROLE_LABELS,
  USER_FIELD_LABELS,
  changedUserFields,
  generateOneTimePassword,
  toUserFormValues,
  userMessageFor,
  validateUserChanges,
} from '../utils/user-form';
import { UserFields, userFieldId } from './user-fields';

export const USER_CONFLICT_MESSAGE = 'Noen andre har endret brukeren mens du redigerte.';

interface UserFormProps {
  user: User;
  etag: string | null;
  onReload: () => Promise<VersionedUser | undefined>;
}

/** Role, office, name and whether the user is active; changing access ends the user's sessions. */
export function UserEditForm({ user, etag, onReload }: UserFormProps) {
  const idPrefix = useId();
  const mutation = useUpdateUser();
  const form = useVersionedForm({
    version: { value: user, etag },
    toValues: toUserFormValues,
    changes: changedUserFields,
    fields: EDIT_USER_FIELDS,
    fieldId: (field) => userFieldId(idPrefix, field),
    validate: (_values, changes) => validateUserChanges(changes ?? {}),
    messageFor: userMessageFor,
    save: (changes, ifMatch) => mutation.mutateAsync({ id: user.id, etag: ifMatch, changes }),
    savedVersion: (saved) => saved,
    reload: onReload,
  });
  return (
    <section className="card" aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`}>Endre tilgang</h2>
      <SaveForm
        form={form}
        labels={USER_FIELD_LABELS}
        conflictMessage={USER_CONFLICT_MESSAGE}
        formatValue={(field, value) => (field === 'role' ? labelOf(ROLE_LABELS, String(value)) : undefined)}
        submitLabel="Lagre"
        savingLabel="Lagrer …"
      >
        <UserFields idPrefix={idPrefix} fields={EDIT_USER_FIELDS} values={form.values} errors={form.fieldErrors} onChange={form.update} />
      </SaveForm>
    </section>
  );
}

const PASSWORD_FIELDS = ['password'] as const;

/** A new one-time password for a user who has forgotten theirs: they choose their own at the next login. */
export function OneTimePasswordForm({ user, etag, onReload }: UserFormProps) {
  const idPrefix = useId();
  const mutation = useUpdateUser();
  const [given, setGiven] = useState<string | null>(null);
  const form = useVersionedForm({
    version: { value: user, etag },
    toValues: () => ({ password: '' }),
    changes: (values: { password: string }) => (values.password === '' ? {} : { password: values.password }),
    fields: PASSWORD_FIELDS,
    fieldId: () => `${idPrefix}-password`,
    validate: (_values, changes) => validateWith(updateUserRequest, changes ?? {}, PASSWORD_FIELDS, (field, error) => userMessageFor(field, error)),
    save: (changes, ifMatch) => mutation.mutateAsync({ id: user.id, etag: ifMatch, changes }),
    beforeSubmit: () => setGiven(null),
    onSaved: () => setGiven(form.values.password),
    savedVersion: (saved) => saved,
    reload: onReload,
    savedMessage: 'Engangspassordet er lagret. Brukeren er logget ut og må velge et nytt passord ved neste innlogging.',
  });
  return (
    <section className="card" aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`}>Nytt engangspassord</h2>
      <SaveForm form={form} labels={{ password: USER_FIELD_LABELS.password }} conflictMessage={USER_CONFLICT_MESSAGE} submitLabel="Gi engangspassord" savingLabel="Lagrer …">
        {given ? <p className="secret-box" data-testid="one-time-password">{given}</p> : null}
        <TextField
          id={`${idPrefix}-password`}
          name="password"
          label={USER_FIELD_LABELS.password}
          hint="Minst 12 tegn. Brukeren må velge sitt eget passord ved neste innlogging."
          value={form.values.password}
          error={form.fieldErrors.password}
          onChange={(value) => form.update('password', value)}
          maxLength={256}
        />
        <button type="button" className="button button-secondary button-small" onClick={() => form.update('password', generateOneTimePassword())}>
          Lag et passord
        </button>
      </SaveForm>
    </section>
  );
}
