import type { GrantScheme } from '@alis/shared';
import { useId } from 'react';
import { SaveForm } from '../../../components/save-form';
import { TextField } from '../../../components/text-field';
import { useCreateGrantScheme } from '../../../entities/grants/api/create-grant-scheme';
import type { VersionedGrantScheme } from '../../../entities/grants/api/get-grant-scheme';
import { useUpdateGrantScheme } from '../../../entities/grants/api/update-grant-scheme';
import { isProblem } from '../../../lib/api-client';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import {
  SCHEME_FIELDS,
  SCHEME_FIELD_LABELS,
  type SchemeField,
  type SchemeFormValues,
  changedScheme,
  schemeMessageFor,
  toSchemeFormValues,
  validateNewScheme,
  validateSchemeChanges,
} from '../utils/scheme-form';
import { RateGrid } from './rate-grid';

const DATES: readonly [SchemeField, string | undefined][] = [
  ['periodFrom', undefined],
  ['periodTo', undefined],
  ['applicationDeadline', undefined],
  ['expectedDecisionDate', undefined],
  ['auditorCertificateDueDate', 'Vanligvis 1. april året etter vedtaket'],
];

const schemeFieldId = (prefix: string) => (field: SchemeField) => `${prefix}-${field}`;

type Form = ReturnType<typeof useVersionedForm<SchemeFormValues, GrantScheme, unknown, VersionedGrantScheme, SchemeField>>;

/** The fields of a scheme: name, description, dates, and the rate table as a grid. */
function SchemeFields({ form, prefix, withCode }: { form: Pick<Form, 'values' | 'update' | 'fieldErrors'>; prefix: string; withCode: boolean }) {
  const id = schemeFieldId(prefix);
  return (
    <>
      {withCode ? (
        <TextField id={id('code')} label={SCHEME_FIELD_LABELS.code} hint="Små bokstaver, sifre og bindestreker" value={form.values.code} error={form.fieldErrors.code} onChange={(value) => form.update('code', value)} />
      ) : null}
      <TextField id={id('name')} label={SCHEME_FIELD_LABELS.name} value={form.values.name} error={form.fieldErrors.name} onChange={(value) => form.update('name', value)} />
      <TextField
        id={id('description')}
        label={SCHEME_FIELD_LABELS.description}
        rows={3}
        maxLength={4000}
        value={form.values.description}
        error={form.fieldErrors.description}
        onChange={(value) => form.update('description', value)}
      />
      <div className="inline-fields">
        {DATES.map(([field, hint]) => (
          <TextField
            key={field}
            id={id(field)}
            type="date"
            label={SCHEME_FIELD_LABELS[field]}
            hint={hint}
            value={form.values[field] as string}
            error={form.fieldErrors[field]}
            onChange={(value) => form.update(field, value)}
          />
        ))}
      </div>
      <fieldset id={id('annualRatesNok')} tabIndex={-1}>
        <legend>Satser per år (hele kroner)</legend>
        <RateGrid
          caption="Satser per linjetype og sentralitetsklasse"
          cells={form.values.annualRatesNok}
          onChange={(cells) => form.update('annualRatesNok', cells)}
          error={form.fieldErrors.annualRatesNok}
        />
      </fieldset>
    </>
  );
}

/** An admin changes a scheme: a change of rates becomes a new version once a submitted application keeps the current one. */
export function SchemeEditForm({ scheme, etag, onReload }: { scheme: GrantScheme; etag: string | null; onReload: () => Promise<VersionedGrantScheme | undefined> }) {
  const prefix = useId();
  const mutation = useUpdateGrantScheme();
  const inUse = scheme.rateVersions.find((version) => version.version === scheme.rateVersion)?.inUse ?? false;
  const form = useVersionedForm({
    version: { value: scheme, etag },
    toValues: toSchemeFormValues,
    changes: changedScheme,
    fields: SCHEME_FIELDS,
    fieldId: schemeFieldId(prefix),
    validate: (values, changes) => validateSchemeChanges(values, changes ?? {}),
    messageFor: schemeMessageFor,
    save: (changes, ifMatch) => mutation.mutateAsync({ code: scheme.code, etag: ifMatch, changes }),
    savedVersion: (saved) => saved,
    reload: onReload,
    savedMessage: 'Ordningen er lagret.',
  });
  return (
    <SaveForm
      form={form}
      labels={SCHEME_FIELD_LABELS}
      conflictMessage="Noen andre har endret ordningen mens du redigerte. Last inn på nytt for å se endringene."
      formatValue={(field, value) => (field === 'annualRatesNok' ? 'satstabellen' : undefined) ?? (typeof value === 'string' ? value : undefined)}
      submitLabel="Lagre ordningen"
      savingLabel="Lagrer …"
      aria-label={`Endre ${scheme.name}`}
    >
      <p className="alert alert-info">
        {inUse
          ? `Satsversjon ${scheme.rateVersion} er brukt av innsendte søknader. Endrede satser blir versjon ${scheme.rateVersion + 1}; innsendte søknader beholder sin.`
          : `Ingen innsendt søknad bruker satsversjon ${scheme.rateVersion} ennå, så endrede satser erstatter den. Utkast følger alltid gjeldende satser.`}
      </p>
      <SchemeFields form={form} prefix={prefix} withCode={false} />
    </SaveForm>
  );
}

/** An admin creates a scheme, starting from the latest one's rates. */
export function SchemeCreateForm({ initial, onCreated, onCancel }: { initial: SchemeFormValues; onCreated: (code: string) => void; onCancel: () => void }) {
  const prefix = useId();
  const mutation = useCreateGrantScheme();
  const form = useVersionedForm<SchemeFormValues, GrantScheme, Parameters<typeof mutation.mutateAsync>[0], VersionedGrantScheme, SchemeField>({
    initialValues: () => initial,
    fields: SCHEME_FIELDS,
    fieldId: schemeFieldId(prefix),
    validate: (values) => validateNewScheme(values),
    messageFor: schemeMessageFor,
    save: (body) => mutation.mutateAsync(body),
    onSaved: (created) => onCreated(created.value.code),
    onProblem: (error) => isProblem(error, 'already_exists'),
  });
  return (
    <SaveForm
      form={form}
      labels={SCHEME_FIELD_LABELS}
      submitLabel="Opprett ordningen"
      savingLabel="Oppretter …"
      aria-label="Ny ordning"
      actions={
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Avbryt
        </button>
      }
    >
      {isProblem(mutation.error, 'already_exists') ? <p className="alert alert-error">Det finnes allerede en ordning med koden «{form.values.code}».</p> : null}
      <SchemeFields form={form} prefix={prefix} withCode />
    </SaveForm>
  );
}
