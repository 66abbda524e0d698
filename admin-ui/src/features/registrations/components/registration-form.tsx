import type { Registration } from '@alis/shared';
import { useEffect, useRef, useState } from 'react';
import { SaveForm } from '../../../components/save-form';
import { TextField } from '../../../components/text-field';
import type { VersionedRegistration } from '../../../entities/registrations/api/get-registration';
import { useUpdateRegistration } from '../../../entities/registrations/api/update-registration';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import {
  type ArenaErrors,
  REGISTRATION_FIELDS,
  REGISTRATION_FIELD_LABELS,
  type RegistrationField,
  changedRegistrationFields,
  missingForForm,
  registrationMessageFor,
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

type TextProps = Omit<Parameters<typeof TextField>[0], 'id' | 'label' | 'value' | 'onChange'>;

/** The § 19 application: utdanningsansvarlig, generell utdanningsplan, veiledning and læringsarenaer, with a live checklist. */
export function RegistrationForm({ idPrefix, registration, etag, onReload, onDirtyChange }: RegistrationFormProps) {
  const mutation = useUpdateRegistration();
  const fieldId = (field: RegistrationField) => `${idPrefix}-${field}`;
  const [arenaErrors, setArenaErrors] = useState<ArenaErrors>({});
  // Read when focusing, right after the check that set them (before the state has rendered).
  const checkedArenas = useRef<ArenaErrors>({});
  const form = useVersionedForm({
    version: { value: registration, etag },
    toValues: toRegistrationFormValues,
    changes: changedRegistrationFields,
    fields: REGISTRATION_FIELDS,
    fieldId,
    validate: (values, changes) => {
      const validation = validateRegistrationChanges(changes ?? {}, values.learningArenas);
      checkedArenas.current = validation.ok ? {} : validation.arenaErrors;
      setArenaErrors(checkedArenas.current);
      return validation;
    },
    messageFor: registrationMessageFor,
    save: (changes, ifMatch) => mutation.mutateAsync({ kommunenummer: registration.kommunenummer, specialty: registration.specialty, etag: ifMatch, changes }),
    savedVersion: (saved) => saved,
    savedMessage: 'Søknaden er lagret',
    reload: onReload,
    focus: (field) => {
      const index = Number(Object.keys(checkedArenas.current)[0] ?? 0);
      const errors = checkedArenas.current[index];
      const target = field !== 'learningArenas' ? fieldId(field) : arenaFieldId(idPrefix, index, errors?.partner && !errors.name ? 'partner' : 'name');
      document.getElementById(target)?.focus();
    },
  });
  const { values, fieldErrors, update } = form;

  useEffect(() => onDirtyChange(form.dirty), [form.dirty, onDirtyChange]);

  const text = (field: 'responsibleName' | 'responsibleEmail' | 'educationPlanUrl' | 'decisionReference' | 'supervisionArrangement' | 'notes', props: TextProps = {}) => (
    <TextField id={fieldId(field)} name={field} label={REGISTRATION_FIELD_LABELS[field]} value={values[field]} error={fieldErrors[field]} onChange={(value) => update(field, value)} {...props} />
  );

  return (
    <SaveForm
      form={form}
      labels={REGISTRATION_FIELD_LABELS}
      conflictMessage={REGISTRATION_CONFLICT_MESSAGE}
      formatValue={(field, value) => (field === 'learningArenas' && Array.isArray(value) ? value.map((arena: { name: string }) => arena.name).join(', ') || '(ingen)' : undefined)}
      submitLabel="Lagre søknaden"
      savingLabel="Lagrer …"
      aria-labelledby={`${idPrefix}-application-heading ${idPrefix}-heading`}
      heading={<h3 id={`${idPrefix}-application-heading`}>Søknad om registrering</h3>}
    >
      <MissingChecklist idPrefix={idPrefix} missing={missingForForm(values)} arenaNames={values.learningArenas.map((arena) => arena.name)} unsaved={form.dirty} />
      <fieldset>
        <legend>Ansvarlig for utdanningen</legend>
        {text('responsibleName', { maxLength: 200, hint: 'Personen som har ansvaret for utdanningen i kommunen' })}
        {text('responsibleEmail', { type: 'email', inputMode: 'email', maxLength: 254 })}
      </fieldset>
      {text('educationPlanUrl', { type: 'url', inputMode: 'url', maxLength: 2000, hint: 'Kommunens generelle utdanningsplan skal være offentlig' })}
      {text('supervisionArrangement', { rows: 4, maxLength: 4000, hint: 'Hvordan veiledning og supervisjon er organisert' })}
      <LearningArenasEditor
        idPrefix={idPrefix}
        arenas={values.learningArenas}
        errors={form.status.kind === 'invalid' ? arenaErrors : {}}
        error={fieldErrors.learningArenas}
        onChange={(arenas) => {
          update('learningArenas', arenas);
          setArenaErrors({});
        }}
      />
      {text('decisionReference', { maxLength: 200, hint: 'Helsedirektoratets saksnummer for vedtaket, når det finnes' })}
      {text('notes', { rows: 4, maxLength: 4000 })}
    </SaveForm>
  );
}
