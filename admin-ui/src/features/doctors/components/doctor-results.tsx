import { useRef } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { Pager } from '../../../components/pager';
import { useCursorPaging } from '../../../lib/use-cursor-paging';
import { useDoctors } from '../../../entities/doctors/api/get-doctors';
import { type DoctorFilters, toDoctorListParams } from '../utils/filters';
import { DoctorsTable } from './doctors-table';

export function DoctorResults({ filters }: { filters: DoctorFilters }) {
  const paging = useCursorPaging(JSON.stringify(filters));
  const query = useDoctors(toDoctorListParams(filters, paging.cursor));
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (query.isPending) return <Loading label="Laster leger …" />;
  if (!query.data) return <ErrorAlert error={query.error} title="Kunne ikke hente legene" onRetry={() => void query.refetch()} />;

  const { items, nextCursor } = query.data;
  const showingPrevious = query.isPlaceholderData;
  return (
    <section aria-labelledby="doctor-results-heading" className="results">
      <h2 id="doctor-results-heading" ref={headingRef} tabIndex={-1} className="results-heading">
        Resultater <span className="muted">(side {paging.page})</span>
      </h2>
      <p role="status" className="visually-hidden">
        {showingPrevious ? 'Laster …' : `Viser ${items.length} leger på side ${paging.page}`}
      </p>
      {items.length === 0 ? <p className="empty-state">Ingen leger passer filteret</p> : <DoctorsTable items={items} busy={query.isFetching} />}
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
    </section>
  );
}
