import type { Municipality, Office } from '@alis/shared';
import { type SubmitEvent, useId, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { Field } from '../../../components/field';
import { isApiError } from '../../../lib/api-client';
import type { VersionedMunicipality } from '../../../entities/municipalities/api/get-municipality';
import { useUpdateMunicipality } from '../../../entities/municipalities/api/update-municipality';
import {
  type EditFormValues,
  type EditableField,
  type FieldErrors,
  FIELD_LABELS,
  changedFields,
  splitServerErrors,
  toFormValues,
  validateChanges,
} from '../utils/edit-form';

export const CONFLICT_MESSAGE = 'Noen andre har endret kommunen mens du redigerte. Last inn på nytt for å se endringene.';

type Status =
  | { kind: 'idle' }
  | { kind: 'saved' }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; formErrors: string[] }
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown };

interface MunicipalityEditFormProps {
  municipality: Municipality;
  etag: string | null;
  /** Only an admin moves a municipality to another ALIS office. */
  canChangeOffice: boolean;
  offices: Office[] | undefined;
  /** Fetches the municipality again; the form starts over from what it returns. */
  onReload: () => Promise<VersionedMunicipality | undefined>;
}

export function MunicipalityEditForm({ municipality, etag, canChangeOffice, offices, onReload }: MunicipalityEditFormProps) {
  const id = useId();
  const fieldId = (field: EditableField) => `${id}-${field}`;
  const mutation = useUpdateMunicipality();
  const statusRef = useRef<HTMLDivElement>(null);

  // What the user started editing from: its ETag goes in If-Match. A newer version arriving in the
  // background replaces it only while the user has not changed anything, so edits are never lost
  // silently; a stale save answers 412 instead.
  const [baseline, setBaseline] = useState<VersionedMunicipality>({ municipality, etag });
  const [values, setValues] = useState<EditFormValues>(() => toFormValues(municipality));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [reloading, setReloading] = useState(false);

  const dirty = Object.keys(changedFields(values, baseline.municipality, { canChangeOffice })).length > 0;
  const [shownEtag, setShownEtag] = useState(etag);
  if (etag !== shownEtag) {
    setShownEtag(etag);
    if (!dirty && !mutation.isPending && etag !== baseline.etag) {
      setBaseline({ municipality, etag });
      setValues(toFormValues(municipality));
    }
  }

  const startOver = (fresh: VersionedMunicipality) => {
    setBaseline(fresh);
    setValues(toFormValues(fresh.municipality));
    setFieldErrors({});
  };

  const update = <K extends EditableField>(field: K, value: EditFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (fieldErrors[field]) setFieldErrors((current) => ({ ...current, [field]: undefined }));
    if (status.kind === 'saved' || status.kind === 'unchanged') setStatus({ kind: 'idle' });
  };

  const focusFirstInvalid = (errors: FieldErrors) => {
    const first = (Object.keys(FIELD_LABELS) as EditableField[]).find((field) => errors[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
    else statusRef.current?.focus();
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const changes = changedFields(values, baseline.municipality, { canChangeOffice });
    if (Object.keys(changes).length === 0) {
      setFieldErrors({});
      setStatus({ kind: 'unchanged' });
      return;
    }
    const validation = validateChanges(changes);
    if (!validation.ok) {
      setFieldErrors(validation.fieldErrors);
      setStatus({ kind: 'invalid', formErrors: validation.formErrors });
      focusFirstInvalid(validation.fieldErrors);
      return;
    }
    setFieldErrors({});
    setStatus({ kind: 'idle' });
    mutation.mutate(
      { kommunenummer: baseline.municipality.kommunenummer, etag: baseline.etag, changes: validation.data },
      {
        onSuccess: (saved) => {
          startOver(saved);
          setStatus({ kind: 'saved' });
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 412) {
            setStatus({ kind: 'conflict' });
          } else if (isApiError(error) && error.status === 400 && error.errors.length > 0) {
            const split = splitServerErrors(error.errors);
            setFieldErrors(split.fieldErrors);
            setStatus({ kind: 'invalid', formErrors: split.formErrors });
            focusFirstInvalid(split.fieldErrors);
            return;
          } else {
            setStatus({ kind: 'error', error });
          }
          requestAnimationFrame(() => statusRef.current?.focus());
        },
      },
    );
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await onReload();
      if (fresh) {
        startOver(fresh);
        setStatus({ kind: 'idle' });
      }
    } finally {
      setReloading(false);
    }
  };

  const textField = (field: 'organisationNumber' | 'population' | 'contactName' | 'contactEmail' | 'contactPhone', props: {
    type?: string;
    inputMode?: 'numeric' | 'email' | 'tel' | 'text';
    autoComplete?: string;
    hint?: string;
    maxLength?: number;
  } = {}) => (
    <Field id={fieldId(field)} label={FIELD_LABELS[field]} error={fieldErrors[field]} hint={props.hint}>
      {(control) => (
        <input
          {...control}
          name={field}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
          maxLength={props.maxLength}
          value={values[field]}
          onChange={(event) => update(field, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <section aria-labelledby="edit-heading" className="card">
      <h2 id="edit-heading">Endre opplysninger</h2>
      <form className="form edit-form" onSubmit={onSubmit} noValidate>
        <div ref={statusRef} tabIndex={-1} className="form-status">
          {status.kind === 'saved' ? (
            <p role="status" className="alert alert-success">
              Lagret
            </p>
          ) : null}
          {status.kind === 'unchanged' ? (
            <p role="status" className="alert alert-info">
              Ingen endringer å lagre.
            </p>
          ) : null}
          {status.kind === 'invalid' ? (
            <div role="alert" className="alert alert-error">
              <p className="alert-title">Skjemaet har feil. Rett opp feltene som er merket, og lagre på nytt.</p>
              {status.formErrors.length > 0 ? (
                <ul>
                  {status.formErrors.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          {status.kind === 'conflict' ? (
            <div role="alert" className="alert alert-warning">
              <p>{CONFLICT_MESSAGE}</p>
              <button type="button" className="button button-secondary" onClick={() => void reload()} disabled={reloading}>
                {reloading ? 'Laster inn …' : 'Last inn på nytt'}
              </button>
            </div>
          ) : null}
          {status.kind === 'error' ? <ErrorAlert error={status.error} title="Kunne ikke lagre" /> : null}
        </div>

        <fieldset>
          <legend>Kommunen</legend>
          {textField('organisationNumber', { inputMode: 'numeric', hint: '9 siffer, for eksempel 974760673', maxLength: 20 })}
          <Field id={fieldId('centralityClass')} label={FIELD_LABELS.centralityClass} error={fieldErrors.centralityClass} hint="1 er mest sentral, 6 minst sentral">
            {(control) => (
              <select {...control} name="centralityClass" value={values.centralityClass} onChange={(event) => update('centralityClass', event.target.value)}>
                <option value="">Ikke satt</option>
                {[1, 2, 3, 4, 5, 6].map((value) => (
                  <option key={value} value={String(value)}>
                    {value}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {textField('population', { inputMode: 'numeric', maxLength: 12 })}
          <div className={fieldErrors.recruitmentChallenged ? 'field field-checkbox field-invalid' : 'field field-checkbox'}>
            <input
              id={fieldId('recruitmentChallenged')}
              name="recruitmentChallenged"
              type="checkbox"
              checked={values.recruitmentChallenged}
              aria-invalid={fieldErrors.recruitmentChallenged ? true : undefined}
              aria-describedby={fieldErrors.recruitmentChallenged ? `${fieldId('recruitmentChallenged')}-error` : undefined}
              onChange={(event) => update('recruitmentChallenged', event.target.checked)}
            />
            <label htmlFor={fieldId('recruitmentChallenged')}>{FIELD_LABELS.recruitmentChallenged}</label>
            {fieldErrors.recruitmentChallenged ? (
              <p id={`${fieldId('recruitmentChallenged')}-error`} className="field-error">
                {fieldErrors.recruitmentChallenged}
              </p>
            ) : null}
          </div>
          {canChangeOffice ? (
            <Field id={fieldId('officeCode')} label={FIELD_LABELS.officeCode} error={fieldErrors.officeCode}>
              {(control) => (
                <select {...control} name="officeCode" value={values.officeCode} onChange={(event) => update('officeCode', event.target.value)}>
                  {offices?.some((office) => office.code === values.officeCode) ? null : <option value={values.officeCode}>{values.officeCode}</option>}
                  {offices?.map((office) => (
                    <option key={office.code} value={office.code}>
                      {office.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>Kontaktperson</legend>
          {textField('contactName', { autoComplete: 'off', maxLength: 200 })}
          {textField('contactEmail', { type: 'email', inputMode: 'email', maxLength: 254 })}
          {textField('contactPhone', { type: 'tel', inputMode: 'tel', hint: 'For eksempel +47 22 00 00 00', maxLength: 20 })}
        </fieldset>

        <Field id={fieldId('notes')} label={FIELD_LABELS.notes} error={fieldErrors.notes}>
          {(control) => (
            <textarea {...control} name="notes" rows={5} maxLength={4000} value={values.notes} onChange={(event) => update('notes', event.target.value)} />
          )}
        </Field>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? 'Lagrer …' : 'Lagre'}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={!dirty || mutation.isPending}
            onClick={() => {
              setValues(toFormValues(baseline.municipality));
              setFieldErrors({});
              setStatus({ kind: 'idle' });
            }}
          >
            Angre endringer
          </button>
        </div>
      </form>
    </section>
  );
}
