import type { UseMutationResult } from '@tanstack/react-query';
import { type SubmitEvent, useState } from 'react';
import type { FieldErrors, Validation } from './form';

interface AddOptions<V, F extends keyof V & string, B, I> {
  initialValues: () => V;
  /** The add form's fields in the order they are shown: the first one with an error gets the focus. */
  fields: readonly F[];
  fieldId: (field: F) => string;
  validate: (values: V) => Validation<B, F>;
  mutation: UseMutationResult<unknown, unknown, I>;
  toInput: (body: B) => I;
  /** What the form holds after an add (cleared, or partly kept), and what it says. */
  afterAdd: (values: V, body: B) => { values: V; message: string };
}

/**
 * The add form of a list section (the absences and the supervision of an agreement): its values,
 * the errors beside its fields, and adding, which says what was added and clears what should go.
 */
export function useAddForm<V, F extends keyof V & string, B, I>({ initialValues, fields, fieldId, validate, mutation, toInput, afterAdd }: AddOptions<V, F, B, I>) {
  const [values, setValues] = useState<V>(initialValues);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [added, setAdded] = useState<string | null>(null);

  const update = <K extends F>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (fieldErrors[field]) setFieldErrors((current) => ({ ...current, [field]: undefined }));
    setAdded(null);
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    // What the last attempt said goes as the next one starts, so no stale error stays on screen.
    mutation.reset();
    setAdded(null);
    const validation = validate(values);
    if (!validation.ok) {
      setFieldErrors(validation.fieldErrors);
      const first = fields.find((field) => validation.fieldErrors[field]);
      if (first !== undefined) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setFieldErrors({});
    mutation.mutate(toInput(validation.data), {
      onSuccess: () => {
        const next = afterAdd(values, validation.data);
        setValues(next.values);
        setAdded(next.message);
      },
    });
  };

  return { values, update, fieldErrors, added, submit, adding: mutation.isPending, error: mutation.isError ? mutation.error : null };
}

/**
 * The action on one row of a list section (delete an absence, end a supervision), behind a
 * confirmation: which row it is for, with what the dialog asks for (a last day …).
 */
export function useRowAction<T, D = null>(mutation: Pick<UseMutationResult<unknown, unknown, never>, 'reset'>) {
  const [target, setTarget] = useState<{ item: T; draft: D } | null>(null);
  return {
    target,
    open: (item: T, draft: D) => {
      mutation.reset();
      setTarget({ item, draft });
    },
    edit: (draft: D) => setTarget((current) => current && { ...current, draft }),
    close: () => setTarget(null),
  };
}
