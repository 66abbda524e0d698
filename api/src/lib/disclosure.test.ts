import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Table, suppressLinked, suppressTable } from './disclosure.js';

/** A table with its totals as published: interior values, then the totals asked for. */
function tableOf(interior: number[][], columnTotals: boolean, rowTotals: boolean): Table {
  const withRowTotals = interior.map((line) => (rowTotals ? [...line, line.reduce((a, b) => a + b, 0)] : [...line]));
  const width = withRowTotals[0]?.length ?? 0;
  const totals = Array.from({ length: width }, (_, c) => withRowTotals.reduce((sum, line) => sum + (line[c] ?? 0), 0));
  return { values: columnTotals ? [...withRowTotals, totals] : withRowTotals, columnTotals, rowTotals };
}

/**
 * Every value each hidden cell can take, given what is published: the published cells, the equations
 * of the rows and columns that have totals, and the bounds (primary in [1, t−1], others ≥ 0). Searched
 * by brute force over each hidden cell's value ± 1 (enough: if the cell can move at all, some feasible
 * table differs from the real one by at most one in every cell — and any other value found proves it
 * is not determined, whatever lies further out).
 */
function feasibleRanges(table: Table, hidden: boolean[][], threshold: number): Map<string, { min: number; max: number }> {
  const rows = table.values.length;
  const cols = table.values[0]?.length ?? 0;
  const unknowns: { r: number; c: number; options: number[] }[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!hidden[r]?.[c]) continue;
      const value = table.values[r]?.[c] ?? 0;
      const primary = value > 0 && value < threshold;
      const lo = primary ? 1 : 0;
      const hi = primary ? threshold - 1 : Infinity;
      unknowns.push({ r, c, options: [value - 1, value, value + 1].filter((v) => v >= lo && v <= hi) });
    }
  }
  const grid = table.values.map((line) => [...line]);
  const interiorRows = table.columnTotals ? rows - 1 : rows;
  const interiorCols = table.rowTotals ? cols - 1 : cols;
  const rowHolds = (r: number) => {
    if (!table.rowTotals) return true;
    let sum = 0;
    for (let c = 0; c < interiorCols; c++) sum += grid[r]?.[c] ?? 0;
    return sum === grid[r]?.[interiorCols];
  };
  const colHolds = (c: number) => {
    if (!table.columnTotals) return true;
    let sum = 0;
    for (let r = 0; r < interiorRows; r++) sum += grid[r]?.[c] ?? 0;
    return sum === grid[interiorRows]?.[c];
  };
  const ranges = new Map<string, { min: number; max: number }>();
  const lastIndexOfRow = new Map<number, number>();
  unknowns.forEach((unknown, index) => lastIndexOfRow.set(unknown.r, index));
  const search = (index: number) => {
    if (index === unknowns.length) {
      for (let r = 0; r < rows; r++) if (!rowHolds(r)) return;
      for (let c = 0; c < cols; c++) if (!colHolds(c)) return;
      for (const { r, c } of unknowns) {
        const key = `${r},${c}`;
        const value = grid[r]?.[c] ?? 0;
        const range = ranges.get(key);
        ranges.set(key, range ? { min: Math.min(range.min, value), max: Math.max(range.max, value) } : { min: value, max: value });
      }
      return;
    }
    const unknown = unknowns[index];
    if (!unknown) return;
    const line = grid[unknown.r] as number[];
    for (const option of unknown.options) {
      line[unknown.c] = option;
      // Prune as soon as a row is complete.
      if (lastIndexOfRow.get(unknown.r) === index && !rowHolds(unknown.r)) continue;
      search(index + 1);
    }
    line[unknown.c] = table.values[unknown.r]?.[unknown.c] ?? 0;
  };
  search(0);
  return ranges;
}

const countOf = (mask: boolean[][]) => mask.flat().filter(Boolean).length;

describe('suppressTable', () => {
  it('publishes a table without small counts as it is', () => {
    const table = tableOf([[0, 7], [12, 5]], true, true);
    expect(countOf(suppressTable(table, 5).suppressed)).toBe(0);
  });

  it('hides a small count and enough others that it cannot be derived from the totals', () => {
    const table = tableOf([[3, 10], [8, 9]], true, true);
    const { suppressed, primary } = suppressTable(table, 5);
    expect(primary[0]?.[0]).toBe(true);
    expect(countOf(suppressed)).toBeGreaterThanOrEqual(4);
    for (const range of feasibleRanges(table, suppressed, 5).values()) expect(range.min).toBeLessThan(range.max);
  });

  it('does not let two hidden cells that must sum to 2 both be revealed as 1', () => {
    // Row 0: 1 + 1 + 20 = 22. Hiding only the two 1s leaves them summing to 2, so both are 1.
    const table = tableOf([[1, 1, 20], [6, 7, 30]], true, true);
    const { suppressed } = suppressTable(table, 5);
    const ranges = feasibleRanges(table, suppressed, 5);
    expect(ranges.get('0,0')).toBeDefined();
    for (const range of ranges.values()) expect(range.min).toBeLessThan(range.max);
  });

  it('leaves alone what the bounds alone pin down, and protects the rest', () => {
    // 1 + 1 = 2 with threshold 3: both are 1 whatever is hidden; the second row is still protected.
    const table = tableOf([[1, 1], [10, 12]], true, true);
    const { suppressed } = suppressTable(table, 3);
    expect(suppressed[0]).toEqual([true, true, true]);
    const ranges = feasibleRanges(table, suppressed, 3);
    expect(ranges.get('0,0')).toEqual({ min: 1, max: 1 });
  });

  it('protects a one-column table by its total alone', () => {
    const table = tableOf([[2], [10], [9]], true, false);
    const { suppressed } = suppressTable(table, 5);
    // The smallest other count goes with it; the total stays.
    expect(suppressed.map((line) => line[0])).toEqual([true, false, true, false]);
  });

  it('never lets a suppressed cell be determined (random tables, by brute force)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 1, max: 3 }).chain((rows) =>
          fc.integer({ min: 1, max: 3 }).chain((cols) =>
            fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 30 })), { minLength: cols, maxLength: cols }), {
              minLength: rows,
              maxLength: rows,
            }),
          ),
        ),
        fc.boolean(),
        (threshold, interior, rowTotals) => {
          const table = tableOf(interior, true, rowTotals);
          const { suppressed, primary } = suppressTable(table, threshold);
          // Every small count is hidden, no zero is hidden for being small.
          table.values.forEach((line, r) =>
            line.forEach((value, c) => {
              expect(primary[r]?.[c]).toBe(value > 0 && value < threshold);
              if (primary[r]?.[c]) expect(suppressed[r]?.[c]).toBe(true);
            }),
          );
          const ranges = feasibleRanges(table, suppressed, threshold);
          // What no hiding can protect: cells determined even with the whole table hidden.
          const everything = feasibleRanges(table, table.values.map((line) => line.map(() => true)), threshold);
          for (const [key, range] of ranges) {
            const inherent = everything.get(key);
            if (inherent && inherent.min === inherent.max) continue;
            expect(range.min, `cell ${key} of ${JSON.stringify(table.values)}`).toBeLessThan(range.max);
          }
          expect(ranges.size).toBe(countOf(suppressed));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('suppressLinked', () => {
  it('hides a shared total in every table that shows it', () => {
    // Two breakdowns of the same row totals (the last column).
    const a = tableOf([[3, 20], [10, 12]], true, true);
    const b = tableOf([[12, 11], [11, 11]], true, true);
    const [first, second] = suppressLinked([a, b], 5, (_table, row, col) => (col === 2 ? `total-${row}` : null));
    for (let row = 0; row < 3; row++) expect(first?.suppressed[row]?.[2]).toBe(second?.suppressed[row]?.[2]);
    for (const [table, result] of [[a, first], [b, second]] as const) {
      for (const range of feasibleRanges(table, result?.suppressed ?? [], 5).values()) expect(range.min).toBeLessThan(range.max);
    }
  });
});
