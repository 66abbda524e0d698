import { useId } from 'react';

export interface ConflictDifference {
  field: string;
  label: string;
  mine: string;
  theirs: string;
}

interface ConflictAlertProps {
  message: string;
  reloading: boolean;
  onReload: () => void;
  /** Fields where the other person's saved value differs from the user's; the user's stays unless taken. */
  differences?: readonly ConflictDifference[];
  onTakeTheirs?: (field: string) => void;
  onKeepMine?: (field: string) => void;
}

/**
 * 412: someone else saved first. The form now stands on their version with the user's changes on
 * top; where the two differ both are shown, and the user keeps their own or takes the saved one per
 * field. Reloading drops the user's changes altogether.
 */
export function ConflictAlert({ message, reloading, onReload, differences = [], onTakeTheirs, onKeepMine }: ConflictAlertProps) {
  const id = useId();
  return (
    <div role="alert" className="alert alert-warning" data-testid="conflict">
      <p>{message}</p>
      {differences.length > 0 ? (
        <>
          <p>
            Skjemaet viser nå den lagrede versjonen med dine endringer. Der dere har ulike verdier, beholder du din med mindre du velger den
            lagrede. Lagre på nytt når du er ferdig.
          </p>
          <ul className="conflict-list">
            {differences.map((difference) => (
              <li key={difference.field}>
                <strong id={`${id}-${difference.field}`}>{difference.label}</strong>: din verdi «{difference.mine}», lagret av en annen «
                {difference.theirs}»{' '}
                {onTakeTheirs ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-describedby={`${id}-${difference.field}`}
                    onClick={() => onTakeTheirs(difference.field)}
                  >
                    Bruk den lagrede verdien
                  </button>
                ) : null}{' '}
                {onKeepMine ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-describedby={`${id}-${difference.field}`}
                    onClick={() => onKeepMine(difference.field)}
                  >
                    Behold min verdi
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" className="button button-secondary" onClick={onReload} disabled={reloading}>
        {reloading ? 'Laster inn …' : differences.length > 0 ? 'Forkast mine endringer' : 'Last inn på nytt'}
      </button>
    </div>
  );
}
