import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isProblem } from '../lib/api-error';
import type { Versioned } from '../lib/api-client';
import { isUuid } from '../lib/format';
import { useDocumentTitle } from '../lib/use-document-title';
import { ErrorAlert } from './error-alert';
import { Loading } from './loading';

/** How a page names its resource; every state's wording is made from these. */
export interface DetailNames {
  /** "Lege": the heading and document title until the resource has loaded. */
  heading: string;
  /** "legen": "Laster legen …", "Kunne ikke hente legen", "Fant ikke legen". */
  definite: string;
  /** "ingen lege": "Det finnes ingen lege med denne ID-en som du har tilgang til." */
  none: string;
  /** How the address names it, when not by ID: "kommunenummer «0301»". */
  address?: string;
  /** The list the page belongs to: its path and "legene" ("← Tilbake til legene"). */
  list: { to: string; plural: string };
}

/** What the page's content gets beside the resource. */
export interface DetailContext<T> {
  /** A link that led here said the resource was just created. */
  created: boolean;
  /** Fetches the resource again (after a 412): what an edit form's `onReload` wants. */
  reload: () => Promise<Versioned<T> | undefined>;
}

interface DetailViewProps<T> {
  query: UseQueryResult<Versioned<T>>;
  /** Whether the address can name one at all; one that cannot is not found without asking the API. */
  valid: boolean;
  names: DetailNames;
  /** The document title once the resource has loaded. */
  title: (resource: T) => string;
  children: (data: Versioned<T>, context: DetailContext<T>) => ReactNode;
}

/**
 * A page about one resource: the link back (to the list as it was left), and "not found", loading and
 * error states before the resource itself.
 */
export function DetailView<T>({ query, valid, names, title, children }: DetailViewProps<T>) {
  const { created, listSearch } = navigationState(useLocation().state);
  useDocumentTitle(query.data ? title(query.data.value) : names.heading);
  let content: ReactNode;
  if (!valid || isProblem(query.error, 'not_found')) {
    content = (
      <>
        <h1>Fant ikke {names.definite}</h1>
        <p>
          Det finnes {names.none} med {names.address ?? 'denne ID-en'} som du har tilgang til.
        </p>
      </>
    );
  } else if (query.isPending) {
    content = <Loading label={`Laster ${names.definite} …`} />;
  } else if (query.isError) {
    content = (
      <>
        <h1>{names.heading}</h1>
        <ErrorAlert error={query.error} title={`Kunne ikke hente ${names.definite}`} onRetry={() => void query.refetch()} />
      </>
    );
  } else {
    content = children(query.data, { created, reload: async () => (await query.refetch()).data });
  }
  return (
    <>
      <p>
        <Link to={`${names.list.to}${listSearch}`}>← Tilbake til {names.list.plural}</Link>
      </p>
      {content}
    </>
  );
}

interface DetailPageProps<T> extends Omit<DetailViewProps<T>, 'query' | 'valid'> {
  /** The resource's query hook, given the `:id` of the address (a UUID). */
  useResource: (id: string, enabled: boolean) => UseQueryResult<Versioned<T>>;
}

/** A detail page at `…/:id`: the resource is fetched by the hook the page names. */
export function DetailPage<T>({ useResource, ...view }: DetailPageProps<T>) {
  const id = useDetailId();
  const valid = isUuid(id);
  return <DetailView query={useResource(id, valid)} valid={valid} {...view} />;
}

/** The `:id` of a detail page's address, for queries beside the page's own. */
export function useDetailId(): string {
  return useParams().id ?? '';
}

/** What a link that led here said in its state: a new resource was just created, the list's filters to go back to. */
function navigationState(state: unknown): { created: boolean; listSearch: string } {
  const { created, listSearch } = (state ?? {}) as { created?: unknown; listSearch?: unknown };
  return { created: created === true, listSearch: typeof listSearch === 'string' ? listSearch : '' };
}
