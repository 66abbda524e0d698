import { describe, expect, it } from 'vitest';
import { countOf, showingText } from './paged-results';

const avtaler = ['avtale', 'avtaler'] as const;

describe('how much of a list a page shows', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(countOf(1, avtaler)).toBe('1 avtale');
    expect(countOf(2, avtaler)).toBe('2 avtaler');
    expect(showingText(1, 50, 1, { count: 1, exact: true }, avtaler)).toBe('Viser 1 avtale');
    expect(showingText(1, 50, 2, { count: 2, exact: true }, avtaler)).toBe('Viser 2 avtaler');
  });

  it('says which rows of the whole a page holds, from the list total', () => {
    expect(showingText(1, 50, 50, { count: 612, exact: true }, avtaler)).toBe('Viser 1–50 av 612 avtaler');
    expect(showingText(13, 50, 12, { count: 612, exact: true }, avtaler)).toBe('Viser 601–612 av 612 avtaler');
    expect(showingText(2, 50, 50, { count: 12_345, exact: false }, avtaler)).toBe('Viser 51–100 av omtrent 12\u00a0345 avtaler');
    expect(showingText(1, 50, 0, { count: 0, exact: true }, avtaler)).toBe('Ingen avtaler');
  });
});
