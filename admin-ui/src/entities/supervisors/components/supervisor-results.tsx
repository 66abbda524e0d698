import { PagedResults } from '../../../components/paged-results';
import { type SupervisorListParams, supervisorsQueryOptions } from '../api/get-supervisors';
import { SupervisorsTable } from './supervisors-table';

interface SupervisorResultsProps {
  /** The list's filters, without cursor. */
  params: Omit<SupervisorListParams, 'cursor'>;
  heading?: string;
  empty?: string;
  headingLevel?: 2 | 3;
  /** The page in the URL: the list is the page's own (not one inside a detail page). */
  pageInUrl?: boolean;
}

/** A filtered list of veiledere with cursor paging, on the veiledere page and on a municipality's. */
export function SupervisorResults({ params, pageInUrl, heading, empty = 'Ingen veiledere passer filteret', headingLevel }: SupervisorResultsProps) {
  return (
    <PagedResults params={params} queryOptions={supervisorsQueryOptions} nouns={['veileder', 'veiledere']} pageInUrl={pageInUrl} heading={heading} headingLevel={headingLevel} empty={empty}>
      {(items, busy) => <SupervisorsTable items={items} busy={busy} />}
    </PagedResults>
  );
}
