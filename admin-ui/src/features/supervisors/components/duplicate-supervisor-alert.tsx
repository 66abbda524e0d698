import { canonicalHprNumber } from '@alis/shared';
import { Link } from 'react-router-dom';

export function DuplicateSupervisorAlert({ hprNumber, existingId }: { hprNumber: string; existingId: string | undefined }) {
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
