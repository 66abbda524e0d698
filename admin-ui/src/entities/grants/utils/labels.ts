import type { GrantApplicationStatus, GrantLine, GrantLineType } from '@alis/shared';
import type { BadgeTone } from '../../../components/badge';
import { formatInteger } from '../../../lib/format';

export const GRANT_STATUS_LABELS: Record<GrantApplicationStatus, string> = {
  draft: 'Utkast',
  submitted: 'Sendt',
  granted: 'Innvilget',
  partially_granted: 'Delvis innvilget',
  rejected: 'Avslått',
  paid: 'Utbetalt',
  withdrawn: 'Trukket',
};

export const GRANT_STATUS_TONES: Record<GrantApplicationStatus, BadgeTone> = {
  draft: 'neutral',
  submitted: 'info',
  granted: 'success',
  partially_granted: 'warning',
  rejected: 'danger',
  paid: 'success',
  withdrawn: 'neutral',
};

/** What a move is called on its button. */
export const GRANT_TRANSITION_LABELS: Record<GrantApplicationStatus, string> = {
  draft: 'Tilbake til utkast',
  submitted: 'Send søknaden',
  granted: 'Innvilg',
  partially_granted: 'Innvilg delvis',
  rejected: 'Avslå',
  paid: 'Registrer utbetaling',
  withdrawn: 'Trekk søknaden',
};

export const LINE_TYPE_LABELS: Record<GrantLineType, string> = {
  gp: 'Fastlege',
  gp_locum: 'Fastlegevikar',
  introduction: 'Introduksjonslege',
  other: 'Annet allmennlegearbeid',
  guidance_only: 'Kun veiledning',
};

/** How a line's amount comes about: «sats 412 000 kr × 80 % × 9/12». */
export function amountExplanation(line: Pick<GrantLine, 'annualRateNok' | 'positionPercent' | 'months'>): string {
  if (line.annualRateNok === null) return 'ingen sats uten sentralitetsklasse';
  return `sats ${formatInteger(line.annualRateNok)} kr × ${line.positionPercent} % × ${line.months}/12`;
}
