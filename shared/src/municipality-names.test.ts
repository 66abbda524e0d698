import { describe, expect, it } from 'vitest';
import { municipalityShortName } from './municipality-names.js';

describe('municipalityShortName', () => {
  it('takes the Norwegian form where it comes first', () => {
    expect(municipalityShortName('0301', 'Oslo - Oslove')).toBe('Oslo');
    expect(municipalityShortName('5001', 'Trondheim - Tråante')).toBe('Trondheim');
    expect(municipalityShortName('5544', 'Nordreisa - Ráisa - Raisi')).toBe('Nordreisa');
    expect(municipalityShortName('5622', 'Porsanger - Porsáŋgu - Porsanki')).toBe('Porsanger');
  });

  it('takes the Norwegian form where the Sami form comes first', () => {
    expect(municipalityShortName('1875', 'Hábmer - Hamarøy')).toBe('Hamarøy');
    expect(municipalityShortName('1826', 'Aarborte - Hattfjelldal')).toBe('Hattfjelldal');
    expect(municipalityShortName('5612', 'Guovdageaidnu - Kautokeino')).toBe('Kautokeino');
    expect(municipalityShortName('5628', 'Deatnu - Tana')).toBe('Tana');
  });

  it('takes the middle (Norwegian) form of a three-language name that starts in Sami', () => {
    expect(municipalityShortName('5540', 'Gáivuotna - Kåfjord - Kaivuono')).toBe('Kåfjord');
  });

  it('keeps a disambiguator and leaves single names alone', () => {
    expect(municipalityShortName('1818', 'Herøy (Nordland)')).toBe('Herøy (Nordland)');
    expect(municipalityShortName('1515', 'Herøy (Møre og Romsdal)')).toBe('Herøy (Møre og Romsdal)');
    expect(municipalityShortName('1101', 'Eigersund')).toBe('Eigersund');
  });

  it('does not split on a hyphen inside a name', () => {
    expect(municipalityShortName('3451', 'Nord-Aurdal')).toBe('Nord-Aurdal');
    expect(municipalityShortName('5605', 'Sør-Varanger')).toBe('Sør-Varanger');
  });
});
