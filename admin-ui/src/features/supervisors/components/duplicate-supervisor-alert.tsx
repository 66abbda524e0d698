import { canonicalHprNumber } from '@alis/shared';
import { Link } from 'react-router-dom';

/** The HPR number that is taken, and by whom (the 409's `existingId`). */
export interface Duplicate {
  hprNumber: string;
  existingId: string | undefined;
}

/** The 409 `already_exists` answer to a new or changed veileder: the HPR number is taken. */
export function DuplicateSupervisorAlert({ hprNumber, existingId }: Duplicate) {
  return (
    <div role="alert" className="alert alert-warning">
      <p className="alert-title">Det finnes allerede en veileder med HPR-nummer {canonicalHprNumber(hprNumber) ?? hprNumber}.</p>
      {existingId ? (
        <p>
          <Link to={`/veiledere/${existingId}`}>Gå til veilederen</Link>
        </p>
      ) : null}
    </div>
  );
}
