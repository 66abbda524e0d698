import type { ClientRole } from '@alis/shared';
import { useId, useState } from 'react';
import { Field } from '../../../components/field';
import { SaveForm } from '../../../components/save-form';
import { TextField } from '../../../components/text-field';
import { useCreateApiClient } from '../../../entities/api-clients/api/api-clients';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import {
  API_CLIENT_FIELDS,
  API_CLIENT_FIELD_LABELS,
  CLIENT_ROLE_OPTIONS,
  type ShownSecret,
  emptyApiClientForm,
  validateApiClient,
} from '../utils/api-client-form';

/** Registers a machine client and shows its secret this once. */
export function ApiClientCreateForm() {
  const id = useId();
  const mutation = useCreateApiClient();
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const fieldId = (field: string) => `${id}-${field}`;
  const form = useVersionedForm({
    initialValues: emptyApiClientForm,
    fields: API_CLIENT_FIELDS,
    fieldId,
    validate: validateApiClient,
    save: (body) => mutation.mutateAsync(body),
    beforeSubmit: () => setSecret(null),
    onSaved: (created) => {
      setSecret({ name: created.name, clientId: created.clientId, clientSecret: created.clientSecret });
      form.setValues(emptyApiClientForm());
    },
  });
  return (
    <section className="card">
      <SaveForm
        form={form}
        labels={API_CLIENT_FIELD_LABELS}
        submitLabel="Registrer klient"
        savingLabel="Registrerer …"
        errorTitle="Kunne ikke registrere klienten"
        aria-labelledby={`${id}-heading`}
        heading={<h2 id={`${id}-heading`}>Ny API-klient</h2>}
      >
        {secret ? (
          <div role="status" className="alert alert-success" data-testid="client-secret">
            <p>
              <strong>{secret.name}</strong> er registrert. Kopier hemmeligheten nå: den vises bare denne ene gangen, og bare en
              hash lagres.
            </p>
            <p>
              Klient-ID: <span className="secret-box">{secret.clientId}</span>
            </p>
            <p>
              Hemmelighet: <span className="secret-box">{secret.clientSecret}</span>
            </p>
          </div>
        ) : null}
        <TextField id={fieldId('name')} name="name" label={API_CLIENT_FIELD_LABELS.name} value={form.values.name} error={form.fieldErrors.name} onChange={(value) => form.update('name', value)} maxLength={200} />
        <Field id={fieldId('role')} label={API_CLIENT_FIELD_LABELS.role} error={form.fieldErrors.role}>
          {(control) => (
            <select {...control} value={form.values.role} onChange={(event) => form.update('role', event.target.value as ClientRole | '')}>
              <option value="">Velg type</option>
              {CLIENT_ROLE_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.values.role === 'municipality' ? (
          <MunicipalityPicker
            id={fieldId('kommunenummer')}
            label={API_CLIENT_FIELD_LABELS.kommunenummer}
            value={form.values.kommunenummer}
            error={form.fieldErrors.kommunenummer}
            onChange={(value) => form.update('kommunenummer', value)}
          />
        ) : null}
      </SaveForm>
    </section>
  );
}
