import type { GrantProblemCode, GrantProblemParams } from '@alis/shared';
import { formatNumber } from './format';

const number = (value: number | undefined) => (value === undefined ? '?' : formatNumber(value));

/**
 * Why a grant application cannot be sent, in Norwegian, from the problem's stable code and params:
 * the one place the app words them (beside each line, and in a refused submission's list), never
 * with the API's English `message`.
 */
export function grantProblemText(code: GrantProblemCode, params: GrantProblemParams): string {
  switch (code) {
    case 'no_organisation_number':
      return 'Kommunen mangler gyldig organisasjonsnummer. Det registreres på kommunesiden.';
    case 'no_centrality_class':
      return 'Kommunen mangler sentralitetsklasse, så ingen sats gjelder. Den registreres på kommunesiden.';
    case 'no_lines':
      return 'Søknaden har ingen linjer.';
    case 'agreement_required':
      return 'Linjen må knyttes til ALIS-avtalen den gjelder. Bare «kun veiledning» kan stå uten avtale.';
    case 'guidance_with_agreement':
      return '«Kun veiledning» gjelder en ALIS uten avtale. Bruk avtalens stillingstype i stedet.';
    case 'agreement_other_municipality':
      return `Avtalen hører til en annen kommune${params.kommunenummer ? ` (${params.kommunenummer})` : ''}.`;
    case 'agreement_other_doctor':
      return 'Avtalen gjelder en annen lege enn linjen.';
    case 'staffing_agency':
      return 'Legen er ansatt via bemanningsbyrå, og det gis ikke tilskudd for det. Fjern linjen.';
    case 'no_claimable_months':
      return 'Avtalen har ingen hel kalendermåned i perioden som kan regnes med. Fjern linjen.';
    case 'months_out_of_range':
      return `${number(params.months)} måneder er utenfor 1–12.`;
    case 'percent_out_of_range':
      return `${number(params.percent)} % er utenfor 1–100.`;
    case 'months_exceed_agreement':
      return `Avtalens linjer krever ${number(params.months)} måneder, men avtalen kan bare regnes for ${number(params.claimable)} hele måneder i perioden.`;
    case 'share_exceeds_agreement':
      return `Avtalens linjer krever ${number(params.fullTimeMonths)} månedsverk, men med avtalens stillingsandeler kan den regnes for ${number(params.claimableFullTimeMonths)}.`;
    case 'doctor_claimed_twice':
      return params.otherLine === undefined
        ? 'Legen er også ført opp i en annen søknad fra kommunen i samme ordning.'
        : `Legen er allerede ført opp på linje ${params.otherLine + 1}.`;
    case 'full_time_months_exceeded':
      return (
        `Legen er ført opp med ${number(params.fullTimeMonths)} månedsverk i ordningen, mer enn periodens ${number(params.availableMonths)} måneder` +
        (params.kommunenummer ? ` (også i søknaden fra kommune ${params.kommunenummer}).` : '.')
      );
  }
}
