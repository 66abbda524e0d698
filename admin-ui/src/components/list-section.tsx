import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, type SubmitEvent, useId } from 'react';
import { ConfirmDialog } from './confirm-dialog';
import { ErrorAlert } from './error-alert';
import { Loading } from './loading';

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
  numeric?: boolean;
}

/**
 * Where a list section's rows come from: a request of their own (with its loading and error states),
 * or what the page's resource already carries (an agreement's share history …).
 */
type ListSource<T> =
  | {
      query: UseQueryResult<T[]>;
      /** "Laster fravær …", "Kunne ikke hente fraværet". */
      loadingLabel: string;
      errorTitle: string;
      items?: undefined;
    }
  | { items: readonly T[]; query?: undefined; loadingLabel?: undefined; errorTitle?: undefined };

type ListSectionProps<T> = ListSource<T> & {
  title: string;
  intro: ReactNode;
  /** "Ingen fravær registrert." */
  empty: string;
  caption: string;
  testId?: string;
  columns: readonly Column<T>[];
  rowKey: (item: T) => string;
  /** A button on each row (delete, end …); no column without it. */
  rowAction?: (item: T) => ReactNode;
  /** The add form and the row action's dialog, below the list. */
  children?: ReactNode;
};

/** A list on a detail page with what can be done to it: loading and error states, the rows, an action per row, and an add form. */
export function ListSection<T>({ title, intro, query, loadingLabel, errorTitle, empty, caption, testId, columns, rowKey, rowAction, children, ...source }: ListSectionProps<T>) {
  const id = useId();
  const loaded = query ? query.data : source.items;
  const items = loaded ?? [];
  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>{title}</h2>
      <p className="muted">{intro}</p>
      {query?.isPending ? <Loading label={loadingLabel} /> : null}
      {query?.isError ? <ErrorAlert error={query.error} title={errorTitle} onRetry={() => void query.refetch()} /> : null}
      {loaded && items.length === 0 ? <p className="empty-state">{empty}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid={testId}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col" className={column.numeric ? 'numeric' : undefined}>
                    {column.header}
                  </th>
                ))}
                {rowAction ? (
                  <th scope="col">
                    <span className="visually-hidden">Handlinger</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={rowKey(item)}>
                  {columns.map((column) => (
                    <td key={column.header} className={column.numeric ? 'numeric' : undefined}>
                      {column.cell(item)}
                    </td>
                  ))}
                  {rowAction ? <td>{rowAction(item)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {children}
    </section>
  );
}

interface AddFormProps {
  title: string;
  onSubmit: (event: SubmitEvent<HTMLFormElement>) => void;
  /** What was just added, said as a status. */
  added: string | null;
  /** Why adding failed: the section's own words for it, or the general alert. */
  error: unknown;
  errorText: (error: unknown) => string | null;
  errorTitle: string;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  children: ReactNode;
}

/** The add form below a list section's rows. */
export function AddForm({ title, onSubmit, added, error, errorText, errorTitle, busy, submitLabel, busyLabel, children }: AddFormProps) {
  const id = useId();
  const explained = error ? errorText(error) : null;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-add-heading`} style={{ marginTop: '1rem' }}>
      <h3 id={`${id}-add-heading`}>{title}</h3>
      {added ? (
        <p role="status" className="alert alert-success">
          {added}
        </p>
      ) : null}
      {error ? (
        explained ? (
          <p role="alert" className="alert alert-error">
            {explained}
          </p>
        ) : (
          <ErrorAlert error={error} title={errorTitle} />
        )
      ) : null}
      {children}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}

interface RowActionDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy: boolean;
  error: unknown;
  errorTitle: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** What the action does to the row. */
  children: ReactNode;
  /** What the action asks for (a last day …), below why it failed. */
  fields?: ReactNode;
}

/** The confirmation of a row's action, with why it failed when it did. */
export function RowActionDialog({ error, errorTitle, children, fields, ...dialog }: RowActionDialogProps) {
  return (
    <ConfirmDialog {...dialog}>
      {dialog.open ? (
        <>
          {children}
          {error ? <ErrorAlert error={error} title={errorTitle} /> : null}
          {fields}
        </>
      ) : null}
    </ConfirmDialog>
  );
}
