import type { ReactNode, RefObject } from 'react';
import type { FormStatus as FormStatusState } from '../lib/use-versioned-form';
import { ErrorAlert } from './error-alert';

interface FormStatusProps {
  status: FormStatusState;
  statusRef?: RefObject<HTMLDivElement | null>;
  /** What to say on 412, with a way to reload. */
  conflict?: ReactNode;
  errorTitle?: string;
}

/** The message row at the top of a form: saved, nothing to save, invalid, conflict or error. */
export function FormStatus({ status, statusRef, conflict, errorTitle = 'Kunne ikke lagre' }: FormStatusProps) {
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
      {status.kind === 'error' ? <ErrorAlert error={status.error} title={errorTitle} /> : null}
    </div>
  );
}
