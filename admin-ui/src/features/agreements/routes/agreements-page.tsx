import { Link, useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { AgreementFilters } from '../components/agreement-filters';
import { AgreementResults } from '../../../entities/agreements/components/agreement-results';
import { agreementFiltersFrom, toAgreementListParams } from '../utils/filters';

export function AgreementsPage() {
  useDocumentTitle('Avtaler');
  const [searchParams] = useSearchParams();
  const params = toAgreementListParams(agreementFiltersFrom(searchParams));
  return (
    <>
      <div className="page-header">
        <h1>ALIS-avtaler</h1>
        <Link className="button button-primary" to="/avtaler/ny">
          Ny avtale
        </Link>
      </div>
      <AgreementFilters />
      <section aria-label="Avtaler">
        <AgreementResults params={params} pageInUrl />
      </section>
    </>
  );
}
