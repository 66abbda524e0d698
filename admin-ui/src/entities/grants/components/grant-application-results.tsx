import type { ReactNode } from 'react';
import { PagedResults } from '../../../components/paged-results';
import { type GrantApplicationListParams, grantApplicationsQueryOptions } from '../api/get-grant-applications';
import { GrantApplicationsTable } from './grant-applications-table';

interface GrantApplicationResultsProps {
  /** The list's filters, without cursor. */
  params: Omit<GrantApplicationListParams, 'cursor'>;
  heading?: string;
  headingLevel?: 2 | 3;
  /** The page in the URL: the list is the page's own (not one inside a detail page). */
  pageInUrl?: boolean;
  empty?: ReactNode;
  hideMunicipality?: boolean;
}

/** A filtered list of grant applications with cursor paging, on the grants page and on a municipality's. */
export function GrantApplicationResults({ params, pageInUrl, heading, headingLevel, empty = 'Ingen søknader passer filteret', hideMunicipality }: GrantApplicationResultsProps) {
  return (
    <PagedResults params={params} queryOptions={grantApplicationsQueryOptions} nouns={['søknad', 'søknader']} pageInUrl={pageInUrl} heading={heading} headingLevel={headingLevel} empty={empty}>
      {(items, busy) => <GrantApplicationsTable items={items} busy={busy} hideMunicipality={hideMunicipality} />}
    </PagedResults>
  );
}
