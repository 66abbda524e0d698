import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

interface FiltersFormProps {
  /** "Filtrer avtaler" */
  label: string;
  /** Whether any filter is set: then "Nullstill filtre" is offered. */
  active: boolean;
  children: ReactNode;
}

/** A list's filters, kept in the URL so a filtered list can be shared and bookmarked. */
export function FiltersForm({ label, active, children }: FiltersFormProps) {
  const [, setSearchParams] = useSearchParams();
  return (
    <form className="filters" role="search" aria-label={label} onSubmit={(event) => event.preventDefault()}>
      {children}
      {active ? (
        <div className="filters-actions">
          <button type="button" className="button button-secondary" onClick={() => setSearchParams(new URLSearchParams())}>
            Nullstill filtre
          </button>
        </div>
      ) : null}
    </form>
  );
}
