import { Link } from 'react-router-dom';
import { duplicateHprMessage } from '../utils/doctor-form';

/** The HPR number that is taken, and by whom (the 409's `existingId`). */
export interface Duplicate {
  hprNumber: string;
  existingId: string | undefined;
}

interface DuplicateDoctorAlertProps extends Duplicate {
  /** Offered where the doctor is being picked (the agreement form): use the existing doctor instead. */
  onUseExisting?: (existingId: string) => void;
}

/** The 409 `already_exists` answer to a new doctor: who already has the HPR number, and a way there. */
export function DuplicateDoctorAlert({ hprNumber, existingId, onUseExisting }: DuplicateDoctorAlertProps) {
  return (
    <div role="alert" className="alert alert-warning">
      <p className="alert-title">{duplicateHprMessage(hprNumber)}</p>
      {existingId ? (
        <p className="section-actions">
          <Link to={`/leger/${existingId}`}>Gå til legen</Link>
          {onUseExisting ? (
            <button type="button" className="button button-secondary button-small" onClick={() => onUseExisting(existingId)}>
              Bruk denne legen
            </button>
          ) : null}
        </p>
      ) : (
        <p>Søk opp legen på HPR-nummeret i stedet for å registrere en ny.</p>
      )}
    </div>
  );
}
