import type { ReactNode } from 'react';

/** Term–value rows, as on the municipality's "Opplysninger". */
export function DetailsList({ rows, testId }: { rows: [string, ReactNode][]; testId?: string }) {
  return (
    <dl className="details" data-testid={testId}>
      {rows.map(([term, value]) => (
        <div key={term} className="details-row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
