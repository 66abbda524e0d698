import type { AbsencePeriod } from '@alis/shared';
import { formatDate } from '../../../lib/format';
import { plannedEndPreview } from '../utils/agreement-form';

interface PlannedEndDatePreviewProps {
  startDate: string;
  positionPercent: string;
  absences?: readonly AbsencePeriod[];
  label?: string;
}

/** The planned end date computed live from the form, before anything is saved. */
export function PlannedEndDatePreview({ startDate, positionPercent, absences = [], label = 'Planlagt sluttdato' }: PlannedEndDatePreviewProps) {
  const preview = plannedEndPreview(startDate, positionPercent, absences);
  return (
    <p className="preview" aria-live="polite" data-testid="planned-end-preview">
      {preview.ok ? (
        <>
          {label}: <strong>{formatDate(preview.date)}</strong> <span className="muted">({preview.serviceNote})</span>
        </>
      ) : (
        <span className="muted">{preview.reason}</span>
      )}
    </p>
  );
}
