import { describe, expect, it } from 'vitest';
import { foldForSearch } from './search.js';

describe('foldForSearch', () => {
  it('folds Norwegian letters to what people type without them', () => {
    expect(foldForSearch('Herøy')).toBe('heroy');
    expect(foldForSearch('HERØY')).toBe('heroy');
    expect(foldForSearch('Ærøy')).toBe('aeroy');
    expect(foldForSearch('Æ')).toBe('ae');
    expect(foldForSearch('Å')).toBe('a');
    expect(foldForSearch('Åsnes')).toBe('asnes');
    expect(foldForSearch('Sør-Varanger')).toBe('sor-varanger');
  });

  it('drops accents', () => {
    expect(foldForSearch('Bárdu')).toBe('bardu');
    expect(foldForSearch('Hábmer - Hamarøy')).toBe('habmer - hamaroy');
  });

  it('folds Sami letters', () => {
    expect(foldForSearch('Kárášjohka')).toBe('karasjohka');
    expect(foldForSearch('Porsáŋgu')).toBe('porsangu');
    expect(foldForSearch('Čáhcesuolu')).toBe('cahcesuolu');
    expect(foldForSearch('Đ đ Ŋ ŋ Ŧ ŧ Ž ž')).toBe('d d n n t t z z');
    expect(foldForSearch('Stïentje')).toBe('stientje');
  });

  it('collapses and trims whitespace', () => {
    expect(foldForSearch('  Nord \t  Aurdal \n')).toBe('nord aurdal');
  });

  it('makes a plain query a substring of the folded name', () => {
    expect(foldForSearch('1818 Herøy (Nordland) Herøy')).toContain(foldForSearch('heroy'));
    expect(foldForSearch('5612 Guovdageaidnu - Kautokeino')).toContain('guovdageaidnu');
  });
});
