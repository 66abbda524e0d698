import { FieldLink } from '../../../components/field-link';

/**
 * A specialist whose approval date is not known counts as qualified on every day, also before they
 * were approved: the page asks for the date, with a link into the field that takes it.
 */
export function MissingApprovalDateNotice({ fieldId }: { fieldId: string }) {
  return (
    <div className="alert alert-warning" data-testid="missing-approval-date">
      <p>Spesialistgodkjent dato mangler – fyll den inn, så regnes veilederkvalifikasjonen riktig over tid.</p>
      <p>
        <FieldLink fieldId={fieldId}>Fyll inn spesialistgodkjent dato</FieldLink>
      </p>
    </div>
  );
}
