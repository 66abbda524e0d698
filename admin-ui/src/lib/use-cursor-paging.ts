import { useState } from 'react';

/**
 * A stack of cursors for `{ items, nextCursor }` lists: forward with the page's `nextCursor`, back
 * by popping. Starts over at page 1 when `resetKey` (the filters) changes.
 */
export function useCursorPaging(resetKey: string) {
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
