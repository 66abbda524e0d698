import { useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { useOffices } from '../../../entities/reference/api/get-offices';
import { useMunicipalities } from '../../../entities/municipalities/api/get-municipalities';
import { type MunicipalityFilters, toListParams } from '../utils/filters';
import { MunicipalitiesTable } from './municipalities-table';

/** One filtered list with cursor paging; new filters start again from the first page. */
export function MunicipalityResults({ filters }: { filters: MunicipalityFilters }) {
  // cursors[i] is the cursor of page i + 1; the first page has none.
  const filterKey = JSON.stringify(filters);
  const [paging, setPaging] = useState<{ filterKey: string; cursors: (string | undefined)[] }>({
    filterKey,
    cursors: [undefined],
  });
  if (paging.filterKey !== filterKey) setPaging({ filterKey, cursors: [undefined] });
  const cursors = paging.filterKey === filterKey ? paging.cursors : [undefined];
  const page = cursors.length;
  const query = useMunicipalities(toListParams(filters, cursors[cursors.length - 1]));
  const offices = useOffices();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const goTo = (next: (string | undefined)[]) => {
    setPaging({ filterKey, cursors: next });
    headingRef.current?.focus();
  };

  if (query.isPending) return <Loading label="Laster kommuner …" />;
  if (!query.data) return <ErrorAlert error={query.error} title="Kunne ikke hente kommunene" onRetry={() => void query.refetch()} />;

  const { items, nextCursor } = query.data;
  const showingPrevious = query.isPlaceholderData;
  return (
    <section aria-labelledby="results-heading" className="results">
      <h2 id="results-heading" ref={headingRef} tabIndex={-1} className="results-heading">
        Resultater <span className="muted">(side {page})</span>
      </h2>
      <p role="status" className="visually-hidden">
        {showingPrevious ? 'Laster …' : `Viser ${items.length} kommuner på side ${page}`}
      </p>
      {items.length === 0 ? (
        <p className="empty-state">Ingen kommuner passer filteret</p>
      ) : (
        <MunicipalitiesTable items={items} offices={offices.data} busy={query.isFetching} />
      )}
      {query.isError ? <ErrorAlert error={query.error} title="Kunne ikke oppdatere listen" /> : null}
      <nav className="pager" aria-label="Sider">
        <button
          type="button"
          className="button button-secondary"
          disabled={page === 1 || showingPrevious}
          onClick={() => goTo(cursors.slice(0, -1))}
        >
          Forrige side
        </button>
        <span className="pager-page">Side {page}</span>
        <button
          type="button"
          className="button button-secondary"
          disabled={!nextCursor || showingPrevious}
          onClick={() => nextCursor && goTo([...cursors, nextCursor])}
        >
          Neste side
        </button>
      </nav>
    </section>
  );
}
