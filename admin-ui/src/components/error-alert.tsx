import type { ReactNode } from 'react';
import { errorMessage, isApiError } from '../lib/api-client';
import { fieldErrorText } from '../lib/field-error-text';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

/** An error from a request, in words a user understands, with the request id for support. */
export function ErrorAlert({ error, title = 'Noe gikk galt', onRetry, children }: ErrorAlertProps) {
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{title}</p>
      <p>{errorMessage(error)}</p>
      {isApiError(error) && error.errors.length > 0 ? (
        <ul>
          {error.errors.map((item) => (
            <li key={`${item.path}:${item.code}`}>{item.path ? `${item.path}: ${fieldErrorText(item)}` : fieldErrorText(item)}</li>
          ))}
        </ul>
      ) : null}
      {requestId ? <p className="muted small">Forespørsels-ID: {requestId}</p> : null}
      {children}
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Prøv igjen
        </button>
      ) : null}
    </div>
  );
}
