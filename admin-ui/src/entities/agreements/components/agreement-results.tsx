import type { ReactNode } from 'react';
import { PagedResults } from '../../../components/paged-results';
import { type AgreementListParams, agreementsQueryOptions } from '../api/get-agreements';
import { AgreementsTable } from './agreements-table';

interface AgreementResultsProps {
  /** The list's filters, without cursor. */
  params: Omit<AgreementListParams, 'cursor'>;
  heading?: string;
  headingLevel?: 2 | 3;
  /** The page in the URL: the list is the page's own (not one inside a detail page). */
  pageInUrl?: boolean;
  empty?: ReactNode;
  hide?: readonly ('doctor' | 'municipality')[];
}

/** A filtered list of agreements with cursor paging, on the agreements page and on a doctor's or municipality's. */
export function AgreementResults({ params, pageInUrl, heading, headingLevel, empty = 'Ingen avtaler passer filteret', hide }: AgreementResultsProps) {
  return (
    <PagedResults params={params} queryOptions={agreementsQueryOptions} nouns={['avtale', 'avtaler']} pageInUrl={pageInUrl} heading={heading} headingLevel={headingLevel} empty={empty}>
      {(items, busy) => <AgreementsTable items={items} busy={busy} hide={hide} />}
    </PagedResults>
  );
}
