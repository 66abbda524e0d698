import type { Page, Total } from '@alis/shared';
import { type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useRef } from 'react';
import { type CursorPaging, useCursorPaging, useUrlCursorPaging } from '../lib/use-cursor-paging';
import { formatInteger } from '../lib/format';
import { ErrorAlert } from './error-alert';
import { Loading } from './loading';
import { Pager } from './pager';

/** A noun in the singular and the plural: ['avtale', 'avtaler']. */
export type Nouns = readonly [one: string, many: string];

/** «1 avtale», «2 avtaler». */
export const countOf = (count: number, [one, many]: Nouns) => `${formatInteger(count)} ${count === 1 ? one : many}`;

/**
 * What a page of a list shows out of all it matches, from the list's `total`: «Viser 1 avtale»,
 * «Viser 1–50 av 612 avtaler», «Viser 51–100 av omtrent 12 000 avtaler» (an estimate above 10 000).
 */
export function showingText(page: number, pageSize: number, shown: number, total: Total, nouns: Nouns): string {
  if (shown === 0) return `Ingen ${nouns[1]}`;
  const first = (page - 1) * pageSize + 1;
  const last = first + shown - 1;
  if (page === 1 && total.exact && total.count === shown) return `Viser ${countOf(shown, nouns)}`;
  const of = total.exact ? countOf(total.count, nouns) : `omtrent ${countOf(total.count, nouns)}`;
  return first === last ? `Viser nr. ${formatInteger(first)} av ${of}` : `Viser ${formatInteger(first)}–${formatInteger(last)} av ${of}`;
}

interface PagedResultsProps<P extends { cursor?: string; limit?: number }, T, K extends QueryKey> {
  /** The list's filters and sort, without cursor; new ones start again from the first page. */
  params: Omit<P, 'cursor'>;
  /** The list endpoint's query options (`agreementsQueryOptions` …). */
  queryOptions: (params: P) => UseQueryOptions<Page<T>, Error, Page<T>, K>;
  /** What the list holds: ['avtale', 'avtaler']. */
  nouns: Nouns;
  heading?: string;
  headingLevel?: 2 | 3;
  empty: ReactNode;
  /** The page's cursors in the URL (a list page's main list); lists inside a detail page keep them in state. */
  pageInUrl?: boolean;
  /** The page's rows; `busy` while the next page is on its way. */
  children: (items: T[], busy: boolean) => ReactNode;
}

function UrlPaged<P extends { cursor?: string; limit?: number }, T, K extends QueryKey>(props: PagedResultsProps<P, T, K>) {
  return <PagedList {...props} paging={useUrlCursorPaging()} />;
}

function StatePaged<P extends { cursor?: string; limit?: number }, T, K extends QueryKey>(props: PagedResultsProps<P, T, K>) {
  return <PagedList {...props} paging={useCursorPaging(JSON.stringify(props.params))} />;
}

/**
 * A filtered list with cursor paging: loading and error states, how much of the whole it shows
 * («Viser 1–50 av 612 avtaler»), the page number in the heading (which gets the focus when the page
 * changes) and the pager.
 */
export function PagedResults<P extends { cursor?: string; limit?: number }, T, K extends QueryKey>(props: PagedResultsProps<P, T, K>) {
  return props.pageInUrl ? <UrlPaged {...props} /> : <StatePaged {...props} />;
}

function PagedList<P extends { cursor?: string; limit?: number }, T, K extends QueryKey>({
  params,
  queryOptions,
  nouns,
  heading = 'Resultater',
  headingLevel = 2,
  empty,
  children,
  paging,
}: PagedResultsProps<P, T, K> & { paging: CursorPaging }) {
  const id = useId();
  const query = useQuery(queryOptions({ ...params, ...(paging.cursor ? { cursor: paging.cursor } : {}) } as P));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  if (query.isPending) return <Loading label={`Laster ${nouns[1]} …`} />;
  if (!query.data) return <ErrorAlert error={query.error} title={`Kunne ikke hente ${nouns[1]}`} onRetry={() => void query.refetch()} />;

  const { items, nextCursor, total } = query.data;
  const showingPrevious = query.isPlaceholderData;
  const pageSize = params.limit ?? 50;
  const turn = (page: () => void) => {
    page();
    headingRef.current?.focus();
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="results">
      <div className="results-head">
        <Heading id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="results-heading">
          {heading} {paging.page > 1 || nextCursor ? <span className="muted">(side {paging.page})</span> : null}
        </Heading>
        <p role="status" className="results-count muted" data-testid="results-count">
          {showingPrevious ? 'Laster …' : showingText(paging.page, pageSize, items.length, total, nouns)}
        </p>
      </div>
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
