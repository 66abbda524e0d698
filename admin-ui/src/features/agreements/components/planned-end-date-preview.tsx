import type { AbsencePeriod } from '@alis/shared';
import { formatDate } from '../../../lib/format';
import { plannedEndPreview } from '../utils/agreement-form';

interface PlannedEndDatePreviewProps {
  values: Parameters<typeof plannedEndPreview>[0];
  absences?: readonly AbsencePeriod[];
  /** An existing agreement's share history, which the form changes. */
  saved?: Parameters<typeof plannedEndPreview>[2];
  label?: string;
}

/** The planned end date computed live from the form, before anything is saved. */
export function PlannedEndDatePreview({ values, absences = [], saved, label = 'Planlagt sluttdato' }: PlannedEndDatePreviewProps) {
  const preview = plannedEndPreview(values, absences, saved);
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
