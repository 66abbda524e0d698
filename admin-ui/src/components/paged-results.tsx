import type { Page } from '@alis/shared';
import { type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useRef } from 'react';
import { useCursorPaging } from '../lib/use-cursor-paging';
import { ErrorAlert } from './error-alert';
import { Loading } from './loading';
import { Pager } from './pager';

interface PagedResultsProps<P extends { cursor?: string }, T, K extends QueryKey> {
  /** The list's filters, without cursor; new filters start again from the first page. */
  params: Omit<P, 'cursor'>;
  /** The list endpoint's query options (`agreementsQueryOptions` …). */
  queryOptions: (params: P) => UseQueryOptions<Page<T>, Error, Page<T>, K>;
  /** What the list holds, in the plural: "Viser 3 avtaler på side 1". */
  noun: string;
  heading?: string;
  headingLevel?: 2 | 3;
  empty: ReactNode;
  /** The page's rows; `busy` while the next page is on its way. */
  children: (items: T[], busy: boolean) => ReactNode;
}

/**
 * A filtered list with cursor paging: loading and error states, the page number in the heading
 * (which gets the focus when the page changes), a status for screen readers and the pager.
 */
export function PagedResults<P extends { cursor?: string }, T, K extends QueryKey>({
  params,
  queryOptions,
  noun,
  heading = 'Resultater',
  headingLevel = 2,
  empty,
  children,
}: PagedResultsProps<P, T, K>) {
  const id = useId();
  const paging = useCursorPaging(JSON.stringify(params));
  const query = useQuery(queryOptions({ ...params, ...(paging.cursor ? { cursor: paging.cursor } : {}) } as P));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  if (query.isPending) return <Loading label={`Laster ${noun} …`} />;
  if (!query.data) return <ErrorAlert error={query.error} title={`Kunne ikke hente ${noun}`} onRetry={() => void query.refetch()} />;

  const { items, nextCursor } = query.data;
  const showingPrevious = query.isPlaceholderData;
  const turn = (page: () => void) => {
    page();
    headingRef.current?.focus();
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="results">
      <Heading id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="results-heading">
        {heading} {paging.page > 1 || nextCursor ? <span className="muted">(side {paging.page})</span> : null}
      </Heading>
      <p role="status" className="visually-hidden">
        {showingPrevious ? 'Laster …' : `Viser ${items.length} ${noun} på side ${paging.page}`}
      </p>
      {items.length === 0 ? <p className="empty-state">{empty}</p> : children(items, query.isFetching)}
      {query.isError ? <ErrorAlert error={query.error} title="Kunne ikke oppdatere listen" /> : null}
      <Pager
        page={paging.page}
        hasNext={Boolean(nextCursor)}
        busy={showingPrevious}
        onPrevious={() => turn(paging.previous)}
        onNext={() =>
          turn(() => {
            if (nextCursor) paging.next(nextCursor);
          })
        }
      />
    </section>
  );
}
