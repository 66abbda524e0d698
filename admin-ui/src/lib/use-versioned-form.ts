import { type SubmitEvent, useRef, useState } from 'react';
import { isApiError, isProblem } from './api-error';
import type { Versioned } from './api-client';
import { type Changes, type FieldErrors, type FieldMessage, type Validation, splitFieldErrors } from './form';

export type FormStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; message?: string }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; formErrors: string[] }
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown };

/** An edit form starts from a version of the resource; a form that creates one starts empty. */
type FormSource<V, T> =
  | {
      /** What the form starts from, with its ETag (sent as If-Match). */
      version: Versioned<T>;
      toValues: (resource: T) => V;
      /**
       * The fields of the PATCH body that differ from `resource` (empty: nothing to save). Also how
       * the form tells which fields the user changed, and where theirs and the saved ones differ.
       */
      changes: (values: V, resource: T) => Changes;
    }
  | { version?: undefined; initialValues: () => V };

export type VersionedFormOptions<V, T, B, R, F extends keyof V & string> = FormSource<V, T> & {
  /** The form's fields in the order they are shown: the first one with an error gets the focus. */
  fields: readonly F[];
  fieldId: (field: F) => string;
  /** Checks the body with the shared request schema before anything is sent; gets an edit form's changes. */
  validate: (values: V, changes: Changes | undefined) => Validation<B, F>;
  /** The form's wording for the API's errors on its fields (the general text otherwise). */
  messageFor?: FieldMessage<F>;
  save: (body: B, etag: string | null) => Promise<R>;
  /** The version a save answered with, which an edit form starts over from. */
  savedVersion?: (result: R) => Versioned<T> | undefined;
  /** Reads the resource again (after a 412, and for "Last inn på nytt"). */
  reload?: () => Promise<Versioned<T> | undefined>;
  /** Problems the form explains itself (409 `already_exists` …): true when it did. */
  onProblem?: (error: unknown, body: B, values: V) => boolean;
  /** Called as each save starts: what the form showed about the last one goes. */
  beforeSubmit?: () => void;
  onSaved?: (result: R) => void;
  savedMessage?: string;
  /** Moves the focus to a field with an error, where it is not simply the element with `fieldId`. */
  focus?: (field: F) => void;
};

/** After a 412: the values the other person saved, beside the user's own, field by field. */
export interface Conflict<V> {
  theirs: V;
  /** Fields where the user chose to keep their own value: no longer shown as differences. */
  kept: readonly string[];
}

const keysOf = (changes: Changes) => new Set(Object.keys(changes));

/**
 * The one shape of a form that saves a resource, for edits (with the version the form started from)
 * and for new resources (without one). It owns the values, the status, the errors beside fields and
 * at the top of the form (the check before sending and the API's 400 and 422 alike), and saving.
 *
 * A newer version of the resource fetched in the background replaces the form only while it has no
 * unsaved changes; otherwise saving answers 412. Then the form reads the other person's version and
 * starts from it, keeping what the user changed: where the two differ, both values are shown and the
 * user chooses per field, then saves against the new version without losing what they typed.
 */
export function useVersionedForm<V, T, B, R, F extends keyof V & string>(options: VersionedFormOptions<V, T, B, R, F>) {
  const { fields, fieldId } = options;
  const edit = options.version ? options : undefined;
  const version = edit?.version;
  const toValues = (resource: T): V => {
    if (!edit) throw new Error('A form without a version has nothing to start over from.');
    return edit.toValues(resource);
  };
  const changes = edit?.changes;
  const [baseline, setBaseline] = useState<Versioned<T> | undefined>(version);
  const [values, setValues] = useState<V>(() => (options.version ? options.toValues(options.version.value) : options.initialValues()));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [status, setStatus] = useState<FormStatus>({ kind: 'idle' });
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);
  const [reloading, setReloading] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  const changed = baseline && changes ? changes(values, baseline.value) : undefined;
  const dirty = changed !== undefined && Object.keys(changed).length > 0;
  const saving = status.kind === 'saving';

  const [shownEtag, setShownEtag] = useState(version?.etag);
  if (version && version.etag !== shownEtag) {
    setShownEtag(version.etag);
    if (!dirty && !saving && version.etag !== baseline?.etag) {
      setBaseline(version);
      setValues(toValues(version.value));
    }
  }

  const startOver = (fresh: Versioned<T>) => {
    setBaseline(fresh);
    setValues(toValues(fresh.value));
    setFieldErrors({});
    setConflict(null);
  };

  const focusStatus = () => requestAnimationFrame(() => statusRef.current?.focus());
  const focusFirst = (errors: FieldErrors<F>) => {
    const first = fields.find((field) => errors[field]);
    if (first === undefined) statusRef.current?.focus();
    else if (options.focus) options.focus(first);
    else document.getElementById(fieldId(first))?.focus();
  };
  const showInvalid = (invalid: { fieldErrors: FieldErrors<F>; formErrors: string[] }) => {
    setFieldErrors(invalid.fieldErrors);
    setStatus({ kind: 'invalid', formErrors: invalid.formErrors });
    focusFirst(invalid.fieldErrors);
  };

  /** 412: start from the other person's version, with what this user changed on top of it. */
  const resolveConflict = async (startedFrom: Versioned<T> | undefined) => {
    const fresh = options.reload ? await options.reload().catch(() => undefined) : undefined;
    if (fresh && startedFrom && changes) {
      const theirs = toValues(fresh.value);
      setBaseline(fresh);
      setValues((mine) => {
        const changedByMe = keysOf(changes(mine, startedFrom.value));
        const merged = { ...theirs };
        for (const field of Object.keys(theirs as object) as (keyof V)[]) {
          if (changedByMe.has(String(field))) merged[field] = mine[field];
        }
        return merged;
      });
      setConflict({ theirs, kept: [] });
    }
    setStatus({ kind: 'conflict' });
    focusStatus();
  };

  const submit = async (event?: SubmitEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (saving) return;
    options.beforeSubmit?.();
    if (changed !== undefined && Object.keys(changed).length === 0) {
      setFieldErrors({});
      setStatus({ kind: 'unchanged' });
      return;
    }
    const validation = options.validate(values, changed);
    if (!validation.ok) {
      showInvalid(validation);
      return;
    }
    setFieldErrors({});
    setStatus({ kind: 'saving' });
    try {
      const result = await options.save(validation.data, baseline?.etag ?? null);
      const saved = options.savedVersion?.(result);
      if (saved) startOver(saved);
      // A new resource is shown where the form sends the user next; an edit stays and says so.
      if (!edit) setStatus({ kind: 'idle' });
      else setStatus(options.savedMessage ? { kind: 'saved', message: options.savedMessage } : { kind: 'saved' });
      options.onSaved?.(result);
    } catch (error) {
      if (isProblem(error, 'precondition_failed')) {
        await resolveConflict(baseline);
      } else if (options.onProblem?.(error, validation.data, values)) {
        setStatus({ kind: 'idle' });
        focusStatus();
      } else if (isApiError(error) && (error.status === 400 || error.status === 422) && error.errors.length > 0) {
        showInvalid(splitFieldErrors(error.errors, fields, options.messageFor));
      } else {
        setStatus({ kind: 'error', error });
        focusStatus();
      }
    }
  };

  const update = <K extends keyof V>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    const key = field as unknown as F;
    if (fieldErrors[key]) setFieldErrors((current) => ({ ...current, [key]: undefined }));
    if (status.kind === 'saved' || status.kind === 'unchanged') setStatus({ kind: 'idle' });
  };

  /** Back to the version the form stands on now, dropping what was typed. */
  const reset = () => {
    if (baseline) setValues(toValues(baseline.value));
    setFieldErrors({});
    setConflict(null);
    setStatus({ kind: 'idle' });
  };

  /** "Last inn på nytt": the newest version, without the user's changes. */
  const reload = async () => {
    if (conflict) {
      reset();
      return;
    }
    setReloading(true);
    try {
      const fresh = await options.reload?.();
      if (fresh) {
        startOver(fresh);
        setStatus({ kind: 'idle' });
      }
    } finally {
      setReloading(false);
    }
  };

  /** The fields where the other person's saved value differs from the user's, while a 412 is being resolved. */
  const differences: F[] =
    conflict && baseline && changes
      ? fields.filter((field) => keysOf(changes(values, baseline.value)).has(field) && !conflict.kept.includes(field))
      : [];

  return {
    values,
    setValues,
    update,
    fieldErrors,
    status,
    statusRef,
    saving,
    dirty,
    reloading,
    /** The resource as the form stands on it now (the version a save is made against). */
    resource: baseline?.value,
    submit,
    reset,
    reload,
    conflict: conflict ? { theirs: conflict.theirs, differences } : null,
    /** Takes the other person's value for one field. */
    takeTheirs: (field: F) => {
      if (conflict) update(field, conflict.theirs[field]);
    },
    /** Keeps the user's own value for one field (saved over the other person's when the form is saved). */
    keepMine: (field: F) => setConflict((current) => (current ? { ...current, kept: [...current.kept, field] } : current)),
  };
}

export type VersionedForm<V, F extends keyof V & string> = Pick<
  ReturnType<typeof useVersionedForm<V, unknown, unknown, unknown, F>>,
  | 'values'
  | 'update'
  | 'fieldErrors'
  | 'status'
  | 'statusRef'
  | 'saving'
  | 'dirty'
  | 'reloading'
  | 'resource'
  | 'submit'
  | 'reset'
  | 'reload'
  | 'conflict'
  | 'takeTheirs'
  | 'keepMine'
>;
