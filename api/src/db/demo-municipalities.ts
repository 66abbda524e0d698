import { isValidOrganisationNumber } from '@alis/shared';
import { random } from './demo-random.js';

/** The master data the reference files lack, invented for the demo: see `municipalityFacts`. */
export interface MunicipalityFacts {
  kommunenummer: string;
  population: number;
  /** Statistics Norway's centrality class: 1 the most central, 6 the least. */
  centralityClass: number;
  organisationNumber: string;
}

/**
 * Rough 2024 populations and centrality classes of the largest municipalities and a few of the
 * smallest, so that the familiar names look right; every other municipality is drawn from a skewed
 * distribution. Approximations for demonstration, not official figures.
 */
const KNOWN: Readonly<Record<string, readonly [population: number, centralityClass: number]>> = {
  '0301': [717_700, 1],
  '4601': [291_200, 2],
  '5001': [214_600, 2],
  '1103': [149_000, 2],
  '3201': [130_800, 1],
  '4204': [117_000, 2],
  '3301': [103_300, 2],
  '3203': [98_600, 1],
  '3205': [92_900, 2],
  '3107': [84_900, 2],
  '1108': [83_400, 2],
  '5501': [78_700, 3],
  '3907': [65_500, 3],
  '3207': [62_000, 2],
  '1508': [60_100, 3],
  '3105': [58_700, 3],
  '3905': [58_300, 3],
  '4003': [55_900, 3],
  '1804': [53_700, 3],
  '3103': [51_000, 3],
  '3909': [48_000, 3],
  '4203': [45_800, 3],
  '1149': [43_000, 4],
  '3209': [42_000, 2],
  '1106': [38_000, 3],
  '4001': [37_000, 3],
  '3411': [35_000, 4],
  '1506': [32_500, 4],
  '3403': [32_000, 3],
  '3101': [31_800, 3],
  '3407': [30_700, 3],
  '3405': [28_900, 3],
  '3303': [28_300, 3],
  '1124': [28_000, 2],
  '3901': [27_700, 3],
  '1833': [26_200, 4],
  '5503': [24_800, 4],
  '1505': [24_000, 4],
  '4205': [23_800, 4],
  '5601': [21_600, 4],
  '3420': [21_500, 4],
  '3212': [20_500, 2],
  '3222': [48_000, 2],
  '3118': [45_000, 3],
  '3305': [31_000, 3],
  '3312': [28_000, 2],
  '4626': [40_000, 3],
  '4627': [30_500, 3],
  '4624': [26_000, 3],
  '3240': [27_500, 3],
  '5035': [25_000, 3],
  '4202': [24_000, 3],
  '3911': [27_000, 3],
  '3232': [25_500, 2],
  '3218': [21_500, 2],
  '1806': [21_800, 4],
  '5028': [17_500, 3],
  '5059': [18_700, 4],
  '4647': [22_500, 4],
  '4222': [1_000, 6],
  '4633': [530, 6],
  '1144': [520, 6],
  '1856': [460, 6],
  '1835': [450, 6],
  '4629': [390, 6],
  '1151': [200, 6],
};

/** Counties around Oslo (Akershus, Østfold, Buskerud, Vestfold): more people, more central. */
const NEAR_OSLO = new Set(['31', '32', '33', '39']);

/** The MOD11 check digit of eight digits, or null when there is none (remainder 1). */
function checkDigit(firstEight: string): number | null {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(firstEight[i]), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === 10 ? null : check;
}

/**
 * The first valid organisation number from `prefix` (eight digits) upwards that `taken` does not
 * hold. Municipalities' numbers start with 9, as real ones do (Oslo's is 974760673).
 */
export function uniqueOrganisationNumber(prefix: number, taken: ReadonlySet<string>): string {
  for (let candidate = prefix; ; candidate = candidate >= 99_999_999 ? 90_000_000 : candidate + 1) {
    const firstEight = String(candidate);
    const check = checkDigit(firstEight);
    const number = `${firstEight}${check ?? ''}`;
    if (check !== null && !taken.has(number) && isValidOrganisationNumber(number)) return number;
  }
}

/** The eight digits a municipality's demo organisation number starts from (9xxxxxxx). */
export const organisationNumberPrefix = (seed: number, kommunenummer: string) => random(seed, 'org', kommunenummer).int(90_000_000, 99_999_999);

function centralityFor(population: number, countyNumber: string, roll: number): number {
  let base: number;
  if (population >= 30_000) base = 3;
  else if (population >= 15_000) base = roll < 0.3 ? 3 : 4;
  else if (population >= 7_000) base = roll < 0.5 ? 4 : 5;
  else if (population >= 3_000) base = roll < 0.15 ? 4 : roll < 0.75 ? 5 : 6;
  else if (population >= 1_500) base = roll < 0.3 ? 5 : 6;
  else base = 6;
  return NEAR_OSLO.has(countyNumber) ? Math.max(2, base - 1) : base;
}

/**
 * Population, centrality class and organisation number for every municipality, the same for the
 * same seed whatever the scale. Populations are log-normal around 4 500 (higher near Oslo), capped
 * below the known large municipalities; larger places are more central. Organisation numbers are
 * valid (MOD11) and unique among the municipalities given.
 */
export function municipalityFacts(seed: number, places: readonly { kommunenummer: string; countyNumber: string }[]): MunicipalityFacts[] {
  const taken = new Set<string>();
  return places.map(({ kommunenummer, countyNumber }) => {
    const rng = random(seed, 'municipality', kommunenummer);
    const known = KNOWN[kommunenummer];
    const drawn = Math.exp(Math.log(NEAR_OSLO.has(countyNumber) ? 9_000 : 4_500) + 0.95 * rng.normal());
    const population = known ? known[0] : Math.round(Math.min(19_500, Math.max(250, drawn)));
    const centralityClass = known ? known[1] : centralityFor(population, countyNumber, rng.next());
    const organisationNumber = uniqueOrganisationNumber(organisationNumberPrefix(seed, kommunenummer), taken);
    taken.add(organisationNumber);
    return { kommunenummer, population, centralityClass, organisationNumber };
  });
}

const FIELD_NAMES = { population: 'innbyggertall', centralityClass: 'sentralitetsklasse', organisationNumber: 'organisasjonsnummer' } as const;

/** The note that marks invented master data, in the admin app's language: "Demodata: innbyggertall og … er oppdiktet …". */
export function demoNote(fields: readonly (keyof typeof FIELD_NAMES)[]): string {
  const names = fields.map((field) => FIELD_NAMES[field]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} og ${names.at(-1) ?? ''}` : (names[0] ?? '');
  return `Demodata: ${list} er oppdiktet (pnpm seed:demo), ikke offisielle tall.`;
}
