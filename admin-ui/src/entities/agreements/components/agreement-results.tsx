import { type ReactNode, useRef } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { Pager } from '../../../components/pager';
import { useCursorPaging } from '../../../lib/use-cursor-paging';
import { type AgreementListParams, useAgreements } from '../api/get-agreements';
import { AgreementsTable } from './agreements-table';

interface AgreementResultsProps {
  /** The list's filters, without cursor. */
  params: Omit<AgreementListParams, 'cursor'>;
  heading?: string;
  headingLevel?: 2 | 3;
  empty?: ReactNode;
  hide?: readonly ('doctor' | 'municipality')[];
}

/** A filtered list of agreements with cursor paging; new filters start again from the first page. */
export function AgreementResults({ params, heading = 'Resultater', headingLevel = 2, empty = 'Ingen avtaler passer filteret', hide }: AgreementResultsProps) {
  const paging = useCursorPaging(JSON.stringify(params));
  const query = useAgreements({ ...params, ...(paging.cursor ? { cursor: paging.cursor } : {}) });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  if (query.isPending) return <Loading label="Laster avtaler …" />;
  if (!query.data) return <ErrorAlert error={query.error} title="Kunne ikke hente avtalene" onRetry={() => void query.refetch()} />;

  const { items, nextCursor } = query.data;
  const showingPrevious = query.isPlaceholderData;
  return (
    <div className="results">
      <Heading ref={headingRef} tabIndex={-1} className="results-heading">
        {heading} {paging.page > 1 || nextCursor ? <span className="muted">(side {paging.page})</span> : null}
      </Heading>
      <p role="status" className="visually-hidden">
        {showingPrevious ? 'Laster …' : `Viser ${items.length} avtaler på side ${paging.page}`}
      </p>
      {items.length === 0 ? <p className="empty-state">{empty}</p> : <AgreementsTable items={items} busy={query.isFetching} hide={hide} />}
      {query.isError ? <ErrorAlert error={query.error} title="Kunne ikke oppdatere listen" /> : null}
      <Pager
        page={paging.page}
        hasNext={Boolean(nextCursor)}
        busy={showingPrevious}
        onPrevious={() => {
          paging.previous();
          headingRef.current?.focus();
        }}
        onNext={() => {
          if (nextCursor) paging.next(nextCursor);
          headingRef.current?.focus();
        }}
      />
    </div>
  );
}
