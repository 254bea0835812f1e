import type { ReactNode } from 'react';
import type { Page } from '../api/types.ts';
import { ErrorMessage } from './error-message.tsx';
import { Pager } from './pager.tsx';
import type { Keyset } from './use-keyset.ts';

export interface PagedTableProps<T> {
  /** Column headings; `{hidden}` is a heading only screen readers announce (a column of buttons). */
  columns: readonly (string | { hidden: string })[];
  /** The page read, or undefined before the first answer. */
  page: Page<T> | undefined;
  error: unknown;
  /** Shown instead of the generic text for a 404. */
  notFound?: string;
  loading: boolean;
  /** What is loading, e.g. `jobs`: "Loading jobs…". */
  noun: string;
  /** Shown when the page is empty. */
  empty: string;
  /** Class of the table, for its column styles. */
  className: string;
  /** Name of the pager navigation. */
  pagerLabel: string;
  keyset: Keyset;
  /** Called when the page changes, e.g. to close an expanded row. */
  onPage?: () => void;
  /** The row (or rows) of one item. */
  row(item: T): ReactNode;
}

/** A keyset-paged table: loading, error and empty states, the rows, and previous/next buttons. */
export function PagedTable<T>(props: PagedTableProps<T>) {
  const { page, keyset, onPage } = props;
  const items = page?.items ?? [];
  return (
    <>
      <ErrorMessage error={props.error} notFound={props.notFound} />
      {props.loading && <p className="muted">Loading {props.noun}…</p>}
      {page && items.length === 0 && <p className="muted">{props.empty}</p>}
      {items.length > 0 && (
        <table className={`table ${props.className}`}>
          <thead>
            <tr>
              {props.columns.map((c) =>
                typeof c === 'string' ? (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ) : (
                  <th key={c.hidden} scope="col">
                    <span className="visually-hidden">{c.hidden}</span>
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>{items.map((item) => props.row(item))}</tbody>
        </table>
      )}
      <Pager
        label={props.pagerLabel}
        page={keyset.page}
        hasPrevious={keyset.hasPrevious}
        hasNext={!!page?.next_cursor}
        onPrevious={() => {
          keyset.previous();
          onPage?.();
        }}
        onNext={() => {
          if (page?.next_cursor) keyset.next(page.next_cursor);
          onPage?.();
        }}
      />
    </>
  );
}
