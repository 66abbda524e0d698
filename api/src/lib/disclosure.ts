/**
 * Disclosure control for tables of counts about people (pure; no I/O).
 *
 * A table is a grid of counts whose last row may hold the column totals and whose last column may
 * hold the row totals (the grand total in the corner when both do). Primary suppression hides every
 * count from 1 to threshold − 1. Secondary suppression then hides further cells until no hidden value
 * can be derived from what is published: a reader knows every published cell, that each primary cell
 * lies in [1, threshold − 1] and that any other hidden cell is ≥ 0, and that rows and columns add up
 * to their totals.
 *
 * Why the check is exact: subtracting the totals turns every row and column into an equation summing
 * to zero (totals with a minus sign). Changes that keep every equation are sums of alternating cycles
 * through the hidden cells; a hidden cell's value is determined exactly when no such cycle through it
 * can move (by one, up or down) while every hidden cell it touches stays within its bounds (a
 * feasible change decomposes into unit cycles that each stay within the bounds). So a cell is
 * protected iff the graph of hidden cells (rows and columns as nodes, each hidden cell an edge,
 * oriented by which way it may move) has a directed cycle through it. A table without totals in one
 * direction is modelled with an unbounded hidden total there (no equation). Adding hidden cells only
 * adds cycles, so cells once protected stay protected: one pass with a queue suffices.
 *
 * One case no hiding can help: a line whose total is small and made of small cells (1 + 1 = 2 with
 * threshold 3) is pinned by the bounds alone, whatever else is hidden. Such cells stay hidden and
 * are not protected further (a reader would need to know that every one of them is a primary cell).
 */

export interface Table {
  /** Interior rows then, with `columnTotals`, the totals row; interior columns then, with `rowTotals`, the totals column. */
  values: readonly (readonly number[])[];
  /** The last row holds the column totals. */
  columnTotals: boolean;
  /** The last column holds the row totals. */
  rowTotals: boolean;
}

export interface Suppression {
  /** True where the cell is hidden. */
  suppressed: boolean[][];
  /** True where it is hidden because it is small (the others are secondary). */
  primary: boolean[][];
}

export const isSmall = (value: number, threshold: number) => value > 0 && value < threshold;

interface Cell {
  row: number;
  col: number;
  value: number;
  lo: number;
  hi: number;
  /** +1 for an interior cell, −1 for a total in one direction, +1 for the grand total. */
  sign: number;
  real: boolean;
  hidden: boolean;
}

function build(table: Table, threshold: number, forced: readonly (readonly boolean[])[] | undefined): { cells: Cell[][]; nr: number; nc: number } {
  const rows = table.values.length;
  const cols = table.values[0]?.length ?? 0;
  // A missing totals line becomes a virtual one: hidden, unbounded, never published.
  const nr = table.columnTotals ? rows : rows + 1;
  const nc = table.rowTotals ? cols : cols + 1;
  const cells: Cell[][] = [];
  for (let r = 0; r < nr; r++) {
    const line: Cell[] = [];
    for (let c = 0; c < nc; c++) {
      const real = r < rows && c < cols;
      const rowSign = r === nr - 1 ? -1 : 1;
      const colSign = c === nc - 1 ? -1 : 1;
      const value = real ? (table.values[r]?.[c] ?? 0) : 0;
      const small = real && isSmall(value, threshold);
      line.push({
        row: r,
        col: c,
        value,
        lo: !real ? -Infinity : small ? 1 : 0,
        hi: !real ? Infinity : small ? threshold - 1 : Infinity,
        sign: rowSign * colSign,
        real,
        hidden: !real || small || Boolean(forced?.[r]?.[c]),
      });
    }
    cells.push(line);
  }
  return { cells, nr, nc };
}

/** Whether `target`'s value can change by one (up or down) through a cycle of hidden cells within their bounds. */
function movable(cells: Cell[][], nr: number, nc: number, target: Cell): boolean {
  // z = sign × x; a z-increase of a cell goes row → column, a z-decrease column → row.
  const canZ = (cell: Cell, z: 1 | -1) => {
    const next = cell.value + z * cell.sign;
    return next >= cell.lo && next <= cell.hi;
  };
  const node = { row: (r: number) => r, col: (c: number) => nr + c };
  const reach = (from: number, to: number) => {
    const seen = new Uint8Array(nr + nc);
    const queue = [from];
    seen[from] = 1;
    while (queue.length > 0) {
      const at = queue.pop() as number;
      if (at === to) return true;
      if (at < nr) {
        for (const cell of cells[at] ?? []) {
          if (!cell.hidden || cell === target || !canZ(cell, 1)) continue;
          const next = node.col(cell.col);
          if (!seen[next]) {
            seen[next] = 1;
            queue.push(next);
          }
        }
      } else {
        const c = at - nr;
        for (let r = 0; r < nr; r++) {
          const cell = cells[r]?.[c];
          if (!cell?.hidden || cell === target || !canZ(cell, -1)) continue;
          if (!seen[r]) {
            seen[r] = 1;
            queue.push(r);
          }
        }
      }
    }
    return false;
  };
  // Up in z: target goes row → column, the cycle returns column → row; down in z the other way.
  if (canZ(target, 1) && reach(node.col(target.col), node.row(target.row))) return true;
  return canZ(target, -1) && reach(node.row(target.row), node.col(target.col));
}

/** The published cell to hide next to protect `cell`: the smallest in its row or column (interior first), else anywhere. */
function candidate(cells: Cell[][], cell: Cell, tried: Set<Cell>): Cell | null {
  const pick = (pool: Cell[]) =>
    pool
      .filter((other) => other.real && !other.hidden && !tried.has(other))
      .sort((a, b) => Number(a.sign !== 1) - Number(b.sign !== 1) || a.value - b.value || a.row - b.row || a.col - b.col)[0] ?? null;
  const line = [...(cells[cell.row] ?? []), ...cells.map((row) => row[cell.col]).filter((other): other is Cell => other !== undefined)];
  return pick(line) ?? pick(cells.flat());
}

/**
 * Hides small counts and as many others as needed so that none of them can be derived. `forced`
 * (same shape as `values`) hides further cells from the start: a total shared with a linked table.
 */
export function suppressTable(table: Table, threshold: number, forced?: readonly (readonly boolean[])[]): Suppression {
  const { cells, nr, nc } = build(table, threshold, forced);
  // Cells the bounds alone pin down (a total of 2 made of two 1s): hiding more cannot help them.
  const everything = build(table, threshold, table.values.map((line) => line.map(() => true)));
  const hopeless = new Set(
    everything.cells.flat().filter((cell) => cell.real && !movable(everything.cells, nr, nc, cell)).map((cell) => `${cell.row},${cell.col}`),
  );
  const queue = cells.flat().filter((cell) => cell.real && cell.hidden && !hopeless.has(`${cell.row},${cell.col}`));
  const tried = new Set<Cell>();
  while (queue.length > 0) {
    const cell = queue.shift() as Cell;
    while (!movable(cells, nr, nc, cell)) {
      const next = candidate(cells, cell, tried);
      if (!next) break;
      tried.add(next);
      next.hidden = true;
      queue.push(next);
    }
  }
  const rows = table.values.length;
  const cols = table.values[0]?.length ?? 0;
  const slice = (f: (cell: Cell) => boolean) => cells.slice(0, rows).map((line) => line.slice(0, cols).map(f));
  return { suppressed: slice((cell) => cell.hidden), primary: slice((cell) => isSmall(cell.value, threshold)) };
}

/**
 * Linked tables sharing cells (two breakdowns of the same totals column): each is protected with the
 * others' hidden shared cells forced hidden, until nothing changes. `shared(i)` maps table i's cells
 * to a shared key (or null): cells with the same key are hidden together.
 */
export function suppressLinked(
  tables: readonly Table[],
  threshold: number,
  shared: (table: number, row: number, col: number) => string | null,
): Suppression[] {
  const hiddenKeys = new Set<string>();
  let results: Suppression[] = [];
  for (let round = 0; round < 100; round++) {
    const before = hiddenKeys.size;
    results = tables.map((table, index) => {
      const forced = table.values.map((line, r) => line.map((_, c) => {
        const key = shared(index, r, c);
        return key !== null && hiddenKeys.has(key);
      }));
      return suppressTable(table, threshold, forced);
    });
    results.forEach((result, index) =>
      result.suppressed.forEach((line, r) =>
        line.forEach((hidden, c) => {
          const key = shared(index, r, c);
          if (hidden && key !== null) hiddenKeys.add(key);
        }),
      ),
    );
    if (hiddenKeys.size === before) break;
  }
  return results;
}
