import type { Course, CourseStatus } from '@alis/shared';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { TextField } from '../../../components/text-field';
import { useTransitionCourse } from '../../../entities/courses/api/transition-course';
import { COURSE_TRANSITION_LABELS } from '../../../entities/courses/utils/labels';
import { isApiError } from '../../../lib/api-error';
import { fieldErrorText } from '../../../lib/field-error-text';
import { formatDate } from '../../../lib/format';

const CONSEQUENCES: Partial<Record<CourseStatus, (course: Course) => string>> = {
  open: () => 'Kommunene kan da melde på egne deltakere fram til påmeldingsfristen.',
  closed: () => 'Kommunene kan ikke lenger melde på; ALIS-kontoret kan fortsatt legge til og fjerne deltakere.',
  held: (course) =>
    course.kind === 'veilederkurs'
      ? 'Deltakere som var til stede alle kursdagene har fullført kurset, og veilederne får kursdatoen registrert.'
      : 'Kurset registreres som gjennomført.',
  cancelled: () => 'Kurset avlyses. Oppgi hvorfor.',
};

/** The course's next steps (open, close, hold, cancel), each behind a confirmation. */
export function CourseTransitions({ course, etag }: { course: Course; etag: string | null }) {
  const id = useId();
  const mutation = useTransitionCourse();
  const [target, setTarget] = useState<CourseStatus | null>(null);
  const [reason, setReason] = useState('');
  if (course.allowedTransitions.length === 0) return null;
  const errorText = (error: unknown) =>
    isApiError(error) && error.errors.length > 0
      ? error.errors.map((item) => (item.code === 'too_early' ? `Kurset kan merkes som gjennomført fra ${formatDate(item.params.earliest)}.` : fieldErrorText(item))).join(' ')
      : null;
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Status</h2>
      <div className="form-actions">
        {course.allowedTransitions.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'cancelled' ? 'button button-danger' : 'button button-secondary'}
            onClick={() => {
              mutation.reset();
              setReason('');
              setTarget(to);
            }}
          >
            {COURSE_TRANSITION_LABELS[to]}
          </button>
        ))}
      </div>
      <ConfirmDialog
        open={target !== null}
        title={target ? `${COURSE_TRANSITION_LABELS[target]}?` : ''}
        confirmLabel={target ? COURSE_TRANSITION_LABELS[target] : ''}
        busy={mutation.isPending}
        confirmDisabled={target === 'cancelled' && reason.trim() === ''}
        onCancel={() => setTarget(null)}
        onConfirm={() => {
          if (!target) return;
          mutation.mutate(
            { id: course.id, etag, body: { to: target, ...(target === 'cancelled' ? { reason: reason.trim() } : {}) } },
            { onSuccess: () => setTarget(null) },
          );
        }}
      >
        {target ? <p>{CONSEQUENCES[target]?.(course)}</p> : null}
        {mutation.isError ? (
          <ErrorAlert error={mutation.error} title="Kunne ikke endre status">
            {errorText(mutation.error)}
          </ErrorAlert>
        ) : null}
        {target === 'cancelled' ? <TextField id={`${id}-reason`} label="Begrunnelse" value={reason} onChange={setReason} /> : null}
      </ConfirmDialog>
    </section>
  );
}
