import type { Registration } from '@alis/shared';
import { type SubmitEvent, useEffect, useRef, useState } from 'react';
import { ConflictAlert } from '../../../components/conflict-alert';
import { Field } from '../../../components/field';
import { FormStatus, type FormStatusState } from '../../../components/form-status';
import { isApiError } from '../../../lib/api-client';
import { isProblem } from '../../../lib/api-error';
import { useEditBaseline } from '../../../lib/use-edit-baseline';
import type { VersionedRegistration } from '../../../entities/registrations/api/get-registration';
import { useUpdateRegistration } from '../../../entities/registrations/api/update-registration';
import {
  type ArenaErrors,
  REGISTRATION_FIELDS,
  REGISTRATION_FIELD_LABELS,
  type RegistrationField,
  type RegistrationFieldErrors,
  type RegistrationFormValues,
  changedRegistrationFields,
  missingForForm,
  toRegistrationFormValues,
  validateRegistrationChanges,
} from '../utils/registration-form';
import { LearningArenasEditor, arenaFieldId } from './learning-arenas-editor';
import { MissingChecklist } from './missing-checklist';

export const REGISTRATION_CONFLICT_MESSAGE =
  'Noen andre har endret registreringen mens du redigerte. Last inn på nytt for å se endringene.';

interface RegistrationFormProps {
  idPrefix: string;
  registration: Registration;
  etag: string | null;
  onReload: () => Promise<VersionedRegistration | undefined>;
  /** Tells the panel whether there are unsaved changes (transitions wait for them to be saved). */
  onDirtyChange: (dirty: boolean) => void;
}

const isDirty = (values: RegistrationFormValues, r: Registration) => Object.keys(changedRegistrationFields(values, r)).length > 0;

/** The § 19 application: utdanningsansvarlig, generell utdanningsplan, veiledning and læringsarenaer, with a live checklist. */
export function RegistrationForm({ idPrefix, registration, etag, onReload, onDirtyChange }: RegistrationFormProps) {
  const mutation = useUpdateRegistration();
  const statusRef = useRef<HTMLDivElement>(null);
  const form = useEditBaseline(registration, etag, toRegistrationFormValues, isDirty, mutation.isPending);
  const [errors, setErrors] = useState<RegistrationFieldErrors>({});
  const [arenaErrors, setArenaErrors] = useState<ArenaErrors>({});
  const [status, setStatus] = useState<FormStatusState>({ kind: 'idle' });
  const [reloading, setReloading] = useState(false);
  const fieldId = (field: RegistrationField) => `${idPrefix}-${field}`;

  useEffect(() => onDirtyChange(form.dirty), [form.dirty, onDirtyChange]);

  const missing = missingForForm(form.values);
  const arenaNames = form.values.learningArenas.map((arena) => arena.name);

  const update = <K extends RegistrationField>(field: K, value: RegistrationFormValues[K]) => {
    form.setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
    if (status.kind === 'saved' || status.kind === 'unchanged') setStatus({ kind: 'idle' });
  };

  const focusFirst = (fieldErrors: RegistrationFieldErrors, arenas: ArenaErrors) => {
    const first = REGISTRATION_FIELDS.find((field) => fieldErrors[field]);
    if (first === 'learningArenas') {
      const index = Number(Object.keys(arenas)[0] ?? 0);
      const arenaErrors = arenas[index];
      const arenaField = arenaErrors?.partner && !arenaErrors.name ? 'partner' : 'name';
      document.getElementById(arenaFieldId(idPrefix, index, arenaField))?.focus();
    } else if (first) document.getElementById(fieldId(first))?.focus();
    else statusRef.current?.focus();
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const changes = changedRegistrationFields(form.values, form.baseline.value);
    if (Object.keys(changes).length === 0) {
      setErrors({});
      setArenaErrors({});
      setStatus({ kind: 'unchanged' });
      return;
    }
    const validation = validateRegistrationChanges(changes, form.values.learningArenas);
    if (!validation.ok) {
      setErrors(validation.fieldErrors);
      setArenaErrors(validation.arenaErrors);
      setStatus({ kind: 'invalid', formErrors: validation.formErrors });
      focusFirst(validation.fieldErrors, validation.arenaErrors);
      return;
    }
    setErrors({});
    setArenaErrors({});
    setStatus({ kind: 'idle' });
    mutation.mutate(
      { kommunenummer: form.baseline.value.kommunenummer, etag: form.baseline.etag, changes: validation.data },
      {
        onSuccess: (saved) => {
          form.startOver({ value: saved.registration, etag: saved.etag });
          setStatus({ kind: 'saved', message: 'Søknaden er lagret' });
        },
        onError: (error) => {
          if (isProblem(error, 'precondition_failed')) setStatus({ kind: 'conflict' });
          else if (isApiError(error) && (error.status === 400 || error.status === 422) && error.errors.length > 0) {
            const fieldErrors: RegistrationFieldErrors = {};
            const formErrors: string[] = [];
            for (const item of error.errors) {
              const field = item.path.split('.')[0] ?? '';
              if ((REGISTRATION_FIELDS as string[]).includes(field)) fieldErrors[field as RegistrationField] ??= item.message;
              else formErrors.push(item.path ? `${item.path}: ${item.message}` : item.message);
            }
            setErrors(fieldErrors);
            setStatus({ kind: 'invalid', formErrors });
            focusFirst(fieldErrors, {});
            return;
          } else setStatus({ kind: 'error', error });
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
        form.startOver({ value: fresh.registration, etag: fresh.etag });
        setErrors({});
        setArenaErrors({});
        setStatus({ kind: 'idle' });
      }
    } finally {
      setReloading(false);
    }
  };

  const text = (field: 'responsibleName' | 'responsibleEmail' | 'educationPlanUrl' | 'decisionReference', props: { type?: string; hint?: string; maxLength?: number; inputMode?: 'email' | 'url' } = {}) => (
    <Field id={fieldId(field)} label={REGISTRATION_FIELD_LABELS[field]} error={errors[field]} hint={props.hint}>
      {(control) => (
        <input
          {...control}
          name={field}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete="off"
          maxLength={props.maxLength}
          value={form.values[field]}
          onChange={(event) => update(field, event.target.value)}
        />
      )}
    </Field>
  );
  const area = (field: 'supervisionArrangement' | 'notes', hint?: string) => (
    <Field id={fieldId(field)} label={REGISTRATION_FIELD_LABELS[field]} error={errors[field]} hint={hint}>
      {(control) => (
        <textarea {...control} name={field} rows={4} maxLength={4000} value={form.values[field]} onChange={(event) => update(field, event.target.value)} />
      )}
    </Field>
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={`${idPrefix}-application-heading`}>
      <h3 id={`${idPrefix}-application-heading`}>Søknad om registrering</h3>
      <FormStatus
        status={status}
        statusRef={statusRef}
        conflict={<ConflictAlert message={REGISTRATION_CONFLICT_MESSAGE} reloading={reloading} onReload={() => void reload()} />}
      />
      <MissingChecklist idPrefix={idPrefix} missing={missing} arenaNames={arenaNames} unsaved={form.dirty} />
      <fieldset>
        <legend>Ansvarlig for utdanningen</legend>
        {text('responsibleName', { maxLength: 200, hint: 'Personen som har ansvaret for utdanningen i kommunen' })}
        {text('responsibleEmail', { type: 'email', inputMode: 'email', maxLength: 254 })}
      </fieldset>
      {text('educationPlanUrl', { type: 'url', inputMode: 'url', maxLength: 2000, hint: 'Kommunens generelle utdanningsplan skal være offentlig' })}
      {area('supervisionArrangement', 'Hvordan veiledning og supervisjon er organisert')}
      <LearningArenasEditor
        idPrefix={idPrefix}
        arenas={form.values.learningArenas}
        errors={arenaErrors}
        error={errors.learningArenas}
        onChange={(arenas) => {
          update('learningArenas', arenas);
          setArenaErrors({});
        }}
      />
      {text('decisionReference', { maxLength: 200, hint: 'Helsedirektoratets saksnummer for vedtaket, når det finnes' })}
      {area('notes')}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Lagrer …' : 'Lagre søknaden'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={!form.dirty || mutation.isPending}
          onClick={() => {
            form.reset();
            setErrors({});
            setArenaErrors({});
            setStatus({ kind: 'idle' });
          }}
        >
          Angre endringer
        </button>
      </div>
    </form>
  );
}
