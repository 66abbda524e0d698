interface PagerProps {
  page: number;
  hasNext: boolean;
  /** While the next page is on its way, both buttons wait. */
  busy: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

export function Pager({ page, hasNext, busy, onPrevious, onNext }: PagerProps) {
  if (page === 1 && !hasNext) return null;
  return (
    <nav className="pager" aria-label="Sider">
      <button type="button" className="button button-secondary" disabled={page === 1 || busy} onClick={onPrevious}>
        Forrige side
      </button>
      <span className="pager-page">Side {page}</span>
      <button type="button" className="button button-secondary" disabled={!hasNext || busy} onClick={onNext}>
        Neste side
      </button>
    </nav>
  );
}
