import type { FieldError } from '@alis/shared';
import { errorMessage, isApiError, isProblem } from '../lib/api-client';
import { fieldErrorText } from '../lib/field-error-text';
import { ErrorAlert } from './error-alert';

interface TransitionErrorProps {
  error: unknown;
  /** Norwegian name of a status, for the allowed ones a 409 names. */
  statusLabel: (status: string) => string;
  /** Norwegian text for one item of a 422's `errors[]`. */
  describeMissing?: (item: FieldError) => string;
  /** What was changed by someone else, for 412 ("Registreringen", "Avtalen"). */
  subject: string;
  onReload: () => void;
}

/**
 * Why a state transition was refused, plainly: 409 names the transitions allowed now, 422 lists
 * what is missing, 412 means someone else changed it first.
 */
export function TransitionError({ error, statusLabel, describeMissing = fieldErrorText, subject, onReload }: TransitionErrorProps) {
  if (isProblem(error, 'illegal_transition')) {
    const { allowed } = error.problem;
    return (
      <div role="alert" className="alert alert-error" data-testid="transition-error">
        <p className="alert-title">Statusen kan ikke endres slik nå.</p>
        <p>{allowed.length > 0 ? `Tillatt nå: ${allowed.map(statusLabel).join(', ')}.` : 'Ingen statusendringer er tillatt nå.'}</p>
        <button type="button" className="button button-secondary" onClick={onReload}>
          Last inn på nytt
        </button>
      </div>
    );
  }
  if (isApiError(error) && error.status === 422) {
    return (
      <div role="alert" className="alert alert-error" data-testid="transition-error">
        <p className="alert-title">Dette mangler før statusen kan endres:</p>
        {error.errors.length > 0 ? (
          <ul>
            {error.errors.map((item) => (
              <li key={`${item.path}:${item.message}`}>{describeMissing(item)}</li>
            ))}
          </ul>
        ) : (
          <p>{errorMessage(error)}</p>
        )}
      </div>
    );
  }
  if (isApiError(error) && error.status === 400 && error.errors.length > 0) {
    return (
      <div role="alert" className="alert alert-error" data-testid="transition-error">
        <p className="alert-title">Noe i skjemaet er ugyldig:</p>
        <ul>
          {error.errors.map((item) => (
            <li key={`${item.path}:${item.message}`}>{describeMissing(item)}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (isApiError(error) && error.status === 412) {
    return (
      <div role="alert" className="alert alert-warning" data-testid="transition-error">
        <p>{subject} er endret av noen andre. Last inn på nytt og prøv igjen.</p>
        <button type="button" className="button button-secondary" onClick={onReload}>
          Last inn på nytt
        </button>
      </div>
    );
  }
  return <ErrorAlert error={error} title="Kunne ikke endre status" />;
}
