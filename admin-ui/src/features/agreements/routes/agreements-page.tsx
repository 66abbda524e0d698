import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/page-header';
import { AgreementFilters } from '../components/agreement-filters';
import { AgreementResults } from '../../../entities/agreements/components/agreement-results';
import { agreementFiltersFrom, toAgreementListParams } from '../utils/filters';

export function AgreementsPage() {
  const [searchParams] = useSearchParams();
  const params = toAgreementListParams(agreementFiltersFrom(searchParams));
  return (
    <>
      <PageHeader title="ALIS-avtaler" documentTitle="Avtaler">
        <Link className="button button-primary" to="/avtaler/ny">
          Ny avtale
        </Link>
      </PageHeader>
      <AgreementFilters />
      <section aria-label="Avtaler">
        <AgreementResults params={params} pageInUrl />
      </section>
    </>
  );
}
