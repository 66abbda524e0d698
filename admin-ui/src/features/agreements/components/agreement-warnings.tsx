import type { Agreement } from '@alis/shared';
import { warningLabel } from '../../../entities/agreements/utils/labels';

/** The agreement's compliance warnings in Norwegian, worded from each warning's code and params (never the API's English message). */
export function AgreementWarnings({ warnings }: { warnings: Agreement['warnings'] }) {
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="warnings-heading" className="alert alert-warning" data-testid="agreement-warnings">
      <h2 id="warnings-heading" className="alert-title">
        {warnings.length === 1 ? 'Avtalen har ett varsel' : `Avtalen har ${warnings.length} varsler`}
      </h2>
      <ul className="warning-list">
        {warnings.map((warning) => (
          <li key={warning.code} data-code={warning.code}>
            <p>{warningLabel(warning)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
