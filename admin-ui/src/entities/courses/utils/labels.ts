import type { CourseKind, CourseStatus } from '@alis/shared';
import type { BadgeTone } from '../../../components/badge';

export const COURSE_KIND_LABELS: Record<CourseKind, string> = { veilederkurs: 'Veilederkurs', other: 'Annet kurs' };

export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = {
  planned: 'Planlagt',
  open: 'Åpen for påmelding',
  closed: 'Påmelding stengt',
  held: 'Gjennomført',
  cancelled: 'Avlyst',
};

export const COURSE_STATUS_TONES: Record<CourseStatus, BadgeTone> = {
  planned: 'neutral',
  open: 'info',
  closed: 'warning',
  held: 'success',
  cancelled: 'danger',
};

/** What a transition is called on its button. */
export const COURSE_TRANSITION_LABELS: Record<CourseStatus, string> = {
  planned: 'Tilbake til planlagt',
  open: 'Åpne for påmelding',
  closed: 'Steng påmeldingen',
  held: 'Merk som gjennomført',
  cancelled: 'Avlys kurset',
};
