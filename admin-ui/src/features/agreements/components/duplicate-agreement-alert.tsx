import { Link } from 'react-router-dom';

/** The 409 `already_exists` on a new agreement: one doctor has one open agreement per municipality. */
export function DuplicateAgreementAlert({ existingId }: { existingId: string | undefined }) {
  return (
    <div role="alert" className="alert alert-warning" data-testid="duplicate-agreement">
      <p className="alert-title">Legen har allerede en åpen ALIS-avtale i denne kommunen.</p>
      <p>En lege kan bare ha én avtale som er utkast eller aktiv i samme kommune. Endre den eksisterende avtalen i stedet for å opprette en ny.</p>
      {existingId ? (
        <p>
          <Link to={`/avtaler/${existingId}`}>Gå til den eksisterende avtalen</Link>
        </p>
      ) : null}
    </div>
  );
}
