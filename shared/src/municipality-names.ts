/** Municipalities whose official name puts the Norwegian form second ("Sami - Norwegian"). */
const NORWEGIAN_FORM_SECOND = new Set([
  '1826', '1875', '5041', '5043', '5512', '5518', '5540', '5610', '5612', '5628', '5636',
]);

/**
 * The short display name of a municipality: "Oslo - Oslove" → "Oslo", but "Hábmer - Hamarøy" →
 * "Hamarøy" where the Norwegian form is not first. A disambiguator as in "Herøy (Nordland)" stays:
 * names are not unique without it.
 */
export function municipalityShortName(kommunenummer: string, officialName: string): string {
  const parts = officialName.split(' - ').map((part) => part.trim());
  const chosen = NORWEGIAN_FORM_SECOND.has(kommunenummer) ? parts[1] : parts[0];
  return chosen ?? officialName.trim();
}
