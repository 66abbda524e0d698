import { type QueryKey, type UseMutationResult, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * A status change behind a confirmation dialog (agreements, registrations): what the dialog holds
 * while it is open, the status just reached, and "Last inn på nytt" after someone else changed it.
 */
export function useTransitionDialog<S extends string, D extends { to: S }, I>(mutation: UseMutationResult<unknown, unknown, I>, resourceKey: QueryKey) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<D | null>(null);
  const [done, setDone] = useState<S | null>(null);
  const close = () => {
    setDraft(null);
    mutation.reset();
  };
  return {
    draft,
    /** The status reached by the last change, to say so. */
    done,
    edit: (patch: Partial<D>) => setDraft((current) => current && { ...current, ...patch }),
    open: (start: D) => {
      mutation.reset();
      setDone(null);
      setDraft(start);
    },
    close,
    /** Sends the change; `onError` is for what the dialog does about a refusal (the focus to a field …). */
    confirm: (input: I, onError?: (error: unknown) => void) => {
      const to = draft?.to ?? null;
      mutation.mutate(input, {
        onSuccess: () => {
          setDone(to);
          setDraft(null);
        },
        onError,
      });
    },
    reload: () => {
      close();
      void queryClient.invalidateQueries({ queryKey: resourceKey });
    },
  };
}
