/** Letters that Unicode normalisation does not split into a base letter and a mark. */
const FOLDED: Record<string, string> = { ø: 'o', æ: 'ae', đ: 'd', ŋ: 'n', ŧ: 't', ß: 'ss', ł: 'l' };

/**
 * Folds text for search so that what people type without Norwegian or Sami letters still matches:
 * "heroy" finds "Herøy", "bardu" finds "Bárdu", "aremark" finds "Aremark".
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæđŋŧßł]/g, (ch) => FOLDED[ch] ?? ch)
    .replace(/\s+/g, ' ')
    .trim();
}
