import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PAGE_PARAM } from './url-filters';

export interface CursorPaging {
  /** 1 for the first page. */
  page: number;
  cursor: string | undefined;
  next: (nextCursor: string) => void;
  previous: () => void;
}

/**
 * A stack of cursors for `{ items, nextCursor }` lists kept in component state: forward with the
 * page's `nextCursor`, back by popping. Starts over at page 1 when `resetKey` (the filters) changes.
 */
export function useCursorPaging(resetKey: string): CursorPaging {
  // cursors[i] is the cursor of page i + 1; the first page has none.
  const [paging, setPaging] = useState<{ resetKey: string; cursors: (string | undefined)[] }>({ resetKey, cursors: [undefined] });
  if (paging.resetKey !== resetKey) setPaging({ resetKey, cursors: [undefined] });
  const cursors = paging.resetKey === resetKey ? paging.cursors : [undefined];
  return {
    page: cursors.length,
    cursor: cursors[cursors.length - 1],
    next: (nextCursor: string) => setPaging({ resetKey, cursors: [...cursors, nextCursor] }),
    previous: () => setPaging({ resetKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}

/**
 * The same stack kept in the URL (`?sider=`, the cursors of the pages after the first, joined by
 * "."; cursors are base64url), so a page of a list can be shared and reloaded, and the browser's
 * back button pages back. A filter change drops it (`withFilter`).
 */
export function useUrlCursorPaging(): CursorPaging {
  const [searchParams, setSearchParams] = useSearchParams();
  const cursors = (searchParams.get(PAGE_PARAM) ?? '').split('.').filter((cursor) => /^[A-Za-z0-9_-]+$/.test(cursor));
  const go = (next: string[]) =>
    setSearchParams((current) => {
      const params = new URLSearchParams(current);
      if (next.length === 0) params.delete(PAGE_PARAM);
      else params.set(PAGE_PARAM, next.join('.'));
      return params;
    });
  return {
    page: cursors.length + 1,
    cursor: cursors[cursors.length - 1],
    next: (nextCursor: string) => go([...cursors, nextCursor]),
    previous: () => go(cursors.slice(0, -1)),
  };
}
