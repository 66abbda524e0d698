import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { SaveForm } from '../../../components/save-form';
import { useCreateUser } from '../../../entities/users/api/create-user';
import { isProblem } from '../../../lib/api-error';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import { NEW_USER_FIELDS, USER_FIELD_LABELS, emptyUserForm, generateOneTimePassword, userMessageFor, validateNewUser } from '../utils/user-form';
import { UserFields, userFieldId } from './user-fields';

/** A new staff user with a one-time password, which the user replaces at the first login. */
export function UserCreateForm() {
  const idPrefix = useId();
  const mutation = useCreateUser();
  const [created, setCreated] = useState<{ id: string; name: string; email: string; password: string } | null>(null);
  const [existingId, setExistingId] = useState<string | null>(null);
  const form = useVersionedForm({
    initialValues: emptyUserForm,
    fields: NEW_USER_FIELDS,
    fieldId: (field) => userFieldId(idPrefix, field),
    validate: validateNewUser,
    messageFor: userMessageFor,
    save: (body) => mutation.mutateAsync(body),
    beforeSubmit: () => {
      setCreated(null);
      setExistingId(null);
    },
    onProblem: (error) => {
      if (!isProblem(error, 'already_exists')) return false;
      setExistingId(error.problem.existingId);
      return true;
    },
    onSaved: (saved) => {
      setCreated({ id: saved.value.id, name: saved.value.name, email: saved.value.email, password: form.values.password });
      form.setValues(emptyUserForm());
    },
  });
  return (
    <section className="card">
      <SaveForm
        form={form}
        labels={USER_FIELD_LABELS}
        submitLabel="Opprett bruker"
        savingLabel="Oppretter …"
        errorTitle="Kunne ikke opprette brukeren"
        aria-labelledby={`${idPrefix}-heading`}
        heading={<h2 id={`${idPrefix}-heading`}>Ny bruker</h2>}
      >
        {created ? (
          <div role="status" className="alert alert-success" data-testid="user-created">
            <p>
              <Link to={`/brukere/${created.id}`}>{created.name}</Link> er opprettet. Gi brukeren e-postadressen {created.email} og
              engangspassordet under; ved første innlogging må brukeren velge sitt eget passord.
            </p>
            <p className="secret-box">{created.password}</p>
          </div>
        ) : null}
        {existingId ? (
          <p role="alert" className="alert alert-error">
            Det finnes allerede en bruker med denne e-postadressen. <Link to={`/brukere/${existingId}`}>Vis brukeren</Link>
          </p>
        ) : null}
        <UserFields
          idPrefix={idPrefix}
          fields={NEW_USER_FIELDS}
          values={form.values}
          errors={form.fieldErrors}
          onChange={form.update}
          onGeneratePassword={() => form.update('password', generateOneTimePassword())}
        />
      </SaveForm>
    </section>
  );
}
