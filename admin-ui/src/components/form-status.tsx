import type { ReactNode, RefObject } from 'react';
import { ErrorAlert } from './error-alert';

export type FormStatusState =
  | { kind: 'idle' }
  | { kind: 'saved'; message?: string }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; formErrors: string[] }
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown; title?: string };

interface FormStatusProps {
  status: FormStatusState;
  statusRef?: RefObject<HTMLDivElement | null>;
  /** What to say on 412, with a way to reload. */
  conflict?: ReactNode;
  errorTitle?: string;
  /** Shown instead of the generic error alert, for errors the form explains itself (409 …). */
  children?: ReactNode;
}

/** The message row at the top of a form: saved, nothing to save, invalid, conflict or error. */
export function FormStatus({ status, statusRef, conflict, errorTitle = 'Kunne ikke lagre', children }: FormStatusProps) {
  return (
    <div ref={statusRef} tabIndex={-1} className="form-status">
      {status.kind === 'saved' ? (
        <p role="status" className="alert alert-success">
          {status.message ?? 'Lagret'}
        </p>
      ) : null}
      {status.kind === 'unchanged' ? (
        <p role="status" className="alert alert-info">
          Ingen endringer å lagre.
        </p>
      ) : null}
      {status.kind === 'invalid' ? (
        <div role="alert" className="alert alert-error">
          <p className="alert-title">Skjemaet har feil. Rett opp feltene som er merket, og prøv på nytt.</p>
          {status.formErrors.length > 0 ? (
            <ul>
              {status.formErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {status.kind === 'conflict' ? conflict : null}
      {status.kind === 'error' ? children ?? <ErrorAlert error={status.error} title={status.title ?? errorTitle} /> : null}
    </div>
  );
}
