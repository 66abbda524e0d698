import { useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { Field } from '../../../components/field';
import { useDraftFromAgreements } from '../../../entities/grants/api/draft-from-agreements';
import { useGrantSchemes } from '../../../entities/grants/api/get-grant-schemes';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { fieldErrorText } from '../../../lib/field-error-text';
import { isApiError } from '../../../lib/api-client';

/**
 * «Nytt utkast fra avtalene»: the municipality and the scheme, and the API makes a draft with a line
 * per share of each agreement that ran in the period. Nobody retypes what the registry knows.
 */
export function NewDraftForm({ kommunenummer: fixed }: { kommunenummer?: string }) {
  const id = useId();
  const navigate = useNavigate();
  const schemes = useGrantSchemes();
  const mutation = useDraftFromAgreements();
  const [kommunenummer, setKommunenummer] = useState(fixed ?? '');
  const [schemeCode, setSchemeCode] = useState('');
  const [touched, setTouched] = useState(false);
  const scheme = schemeCode || schemes.data?.[0]?.code || '';
  const kommuneError = touched && !kommunenummer ? 'Velg kommunen søknaden gjelder' : undefined;

  return (
    <form
      className="card form"
      style={{ marginBottom: '1.5rem' }}
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!kommunenummer || !scheme) return;
        mutation.mutate({ kommunenummer, schemeCode: scheme }, { onSuccess: (created) => void navigate(`/tilskudd/${created.value.id}`, { state: { created: true } }) });
      }}
    >
      <h2 id={`${id}-heading`}>Nytt utkast fra avtalene</h2>
      <p className="muted">
        Utkastet får én linje per ALIS-avtale som løp i perioden, med de hele månedene som kan regnes med og avtalens stilling og
        stillingsandel. Avtaler som ikke kan tas med, står som problemer ved linjen sin.
      </p>
      {mutation.isError ? (
        <ErrorAlert error={mutation.error} title="Kunne ikke lage utkastet">
          {isApiError(mutation.error) && mutation.error.errors.length > 0 ? (
            <ul>
              {mutation.error.errors.map((item) => (
                <li key={item.path}>{fieldErrorText(item)}</li>
              ))}
            </ul>
          ) : null}
        </ErrorAlert>
      ) : null}
      <div className="inline-fields">
        {fixed ? null : <MunicipalityPicker id={`${id}-kommune`} label="Kommune" value={kommunenummer} onChange={setKommunenummer} error={kommuneError} />}
        <Field id={`${id}-scheme`} label="Ordning">
          {(control) => (
            <select {...control} value={scheme} disabled={schemes.isPending} onChange={(event) => setSchemeCode(event.target.value)}>
              {schemes.data?.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending || !scheme}>
          {mutation.isPending ? 'Lager utkast …' : 'Lag utkast fra avtalene'}
        </button>
      </div>
    </form>
  );
}
