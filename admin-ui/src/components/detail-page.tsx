import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { isProblem } from '../lib/api-error';
import { ErrorAlert } from './error-alert';
import { Loading } from './loading';

interface DetailPageProps<D> {
  query: UseQueryResult<D>;
  /** Whether the address can name one at all; one that cannot is not found without asking the API. */
  valid: boolean;
  back: { to: string; label: string };
  notFound: { title: string; text: string };
  /** "Laster legen …" */
  loadingLabel: string;
  /** The page's heading while it has nothing to show, and what the error says it could not get. */
  errorHeading: string;
  errorTitle: string;
  children: (data: D) => ReactNode;
}

/** A page about one resource: the link back, and "not found", loading and error states before the resource itself. */
export function DetailPage<D>({ query, valid, back, notFound, loadingLabel, errorHeading, errorTitle, children }: DetailPageProps<D>) {
  const backLink = (
    <p>
      <Link to={back.to}>{back.label}</Link>
    </p>
  );
  let content: ReactNode;
  if (!valid || isProblem(query.error, 'not_found')) {
    content = (
      <>
        <h1>{notFound.title}</h1>
        <p>{notFound.text}</p>
      </>
    );
  } else if (query.isPending) {
    content = <Loading label={loadingLabel} />;
  } else if (query.isError) {
    content = (
      <>
        <h1>{errorHeading}</h1>
        <ErrorAlert error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />
      </>
    );
  } else {
    content = children(query.data);
  }
  return (
    <>
      {backLink}
      {content}
    </>
  );
}

/** What a link that led here said in its state: a new resource was just created, the list's filters to go back to. */
export function navigationState(state: unknown): { created: boolean; listSearch: string } {
  const { created, listSearch } = (state ?? {}) as { created?: unknown; listSearch?: unknown };
  return { created: created === true, listSearch: typeof listSearch === 'string' ? listSearch : '' };
}
