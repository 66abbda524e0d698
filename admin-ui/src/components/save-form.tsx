import type { ReactNode } from 'react';
import { formatBoolean } from '../lib/format';
import type { VersionedForm } from '../lib/use-versioned-form';
import { ConflictAlert } from './conflict-alert';
import { FormStatus } from './form-status';

interface SaveFormProps<V, F extends keyof V & string> {
  form: VersionedForm<V, F>;
  /** The fields' labels, for the differences shown after a 412. */
  labels: Readonly<Record<F, string>>;
  /** What a 412 says ("Noen andre har endret legen …"); edit forms only. */
  conflictMessage?: string;
  /** A value as people read it, for the differences after a 412 (codes as their labels …). */
  formatValue?: (field: F, value: V[F]) => string | undefined;
  submitLabel: string;
  savingLabel: string;
  errorTitle?: string;
  /** Before the status row (a heading inside the form). */
  heading?: ReactNode;
  /** Buttons after the submit button ("Avbryt" …); an edit form has "Angre endringer". */
  actions?: ReactNode;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  className?: string;
  children: ReactNode;
}

function shown(value: unknown): string {
  if (typeof value === 'boolean') return formatBoolean(value);
  if (typeof value === 'string') return value.trim() === '' ? '(tomt)' : value.trim();
  return JSON.stringify(value);
}

/**
 * A form on `useVersionedForm`: the status row (saved, invalid, conflict with the differences, error)
 * at the top, the fields, and the submit button that waits while saving. An edit form also gets
 * "Angre endringer", which is there while it has unsaved changes.
 */
export function SaveForm<V, F extends keyof V & string>({
  form,
  labels,
  conflictMessage,
  formatValue,
  submitLabel,
  savingLabel,
  errorTitle,
  heading,
  actions,
  className = 'form',
  children,
  ...aria
}: SaveFormProps<V, F>) {
  const conflict = form.conflict;
  const editing = form.resource !== undefined;
  const display = (field: F, value: V[F]) => formatValue?.(field, value) ?? shown(value);
  return (
    <form className={className} onSubmit={(event) => void form.submit(event)} noValidate {...aria}>
      {heading}
      <FormStatus
        status={form.status}
        statusRef={form.statusRef}
        errorTitle={errorTitle}
        conflict={
          conflictMessage ? (
            <ConflictAlert
              message={conflictMessage}
              reloading={form.reloading}
              onReload={() => void form.reload()}
              differences={(conflict?.differences ?? []).map((field) => ({
                field,
                label: labels[field],
                mine: display(field, form.values[field]),
                theirs: conflict ? display(field, conflict.theirs[field]) : '',
              }))}
              onTakeTheirs={(field) => form.takeTheirs(field as F)}
              onKeepMine={(field) => form.keepMine(field as F)}
            />
          ) : null
        }
      />
      {children}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.saving}>
          {form.saving ? savingLabel : submitLabel}
        </button>
        {editing ? (
          <button type="button" className="button button-secondary" disabled={!form.dirty || form.saving} onClick={form.reset}>
            Angre endringer
          </button>
        ) : null}
        {actions}
      </div>
    </form>
  );
}
