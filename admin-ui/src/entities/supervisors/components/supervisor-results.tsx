import { useRef } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { Pager } from '../../../components/pager';
import { useCursorPaging } from '../../../lib/use-cursor-paging';
import { useSupervisors } from '../api/get-supervisors';
import { type SupervisorFilters, toSupervisorListParams } from '../../../features/supervisors/utils/filters';
import { SupervisorsTable } from './supervisors-table';

interface SupervisorResultsProps {
  filters: SupervisorFilters;
  heading?: string;
  empty?: string;
  headingLevel?: 2 | 3;
}

export function SupervisorResults({ filters, heading = 'Resultater', empty = 'Ingen veiledere passer filteret', headingLevel = 2 }: SupervisorResultsProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const paging = useCursorPaging(JSON.stringify(filters));
  const query = useSupervisors(toSupervisorListParams(filters, paging.cursor));
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (query.isPending) return <Loading label="Laster veiledere …" />;
  if (!query.data) return <ErrorAlert error={query.error} title="Kunne ikke hente veilederne" onRetry={() => void query.refetch()} />;

  const { items, nextCursor } = query.data;
  const showingPrevious = query.isPlaceholderData;
  return (
    <div className="results">
      <Heading ref={headingRef} tabIndex={-1} className="results-heading">
        {heading} {paging.page > 1 || nextCursor ? <span className="muted">(side {paging.page})</span> : null}
      </Heading>
      <p role="status" className="visually-hidden">
        {showingPrevious ? 'Laster …' : `Viser ${items.length} veiledere på side ${paging.page}`}
      </p>
      {items.length === 0 ? <p className="empty-state">{empty}</p> : <SupervisorsTable items={items} busy={query.isFetching} />}
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
