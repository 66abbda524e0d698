import { type Course, todayInNorway } from '@alis/shared';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { useParticipants } from '../../../entities/courses/api/get-participants';
import { useRecordAttendance } from '../../../entities/courses/api/record-attendance';
import { isApiError } from '../../../lib/api-error';
import { fieldErrorText } from '../../../lib/field-error-text';
import { formatDate } from '../../../lib/format';

/** Attendance per course day: a checkbox per seated participant, saved day by day. */
export function AttendanceSection({ course }: { course: Course }) {
  const id = useId();
  const participants = useParticipants(course.id);
  const mutation = useRecordAttendance();
  const [drafts, setDrafts] = useState<Record<string, Set<string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const today = todayInNorway();
  const seated = (participants.data ?? []).filter((participant) => participant.seated);
  const presentOn = (day: string) => drafts[day] ?? new Set(seated.filter((participant) => participant.attended.includes(day)).map((participant) => participant.id));

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Oppmøte</h2>
      <p className="muted">Kryss av hvem som var til stede hver kursdag. Et veilederkurs er fullført når deltakeren var der alle dagene og kurset er gjennomført.</p>
      {participants.isPending ? <Loading label="Laster deltakerne …" /> : null}
      {participants.isError ? <ErrorAlert error={participants.error} title="Kunne ikke hente deltakerne" onRetry={() => void participants.refetch()} /> : null}
      {saved ? (
        <p role="status" className="alert alert-success">
          {saved}
        </p>
      ) : null}
      {mutation.isError ? (
        <ErrorAlert error={mutation.error} title="Kunne ikke lagre oppmøtet">
          {isApiError(mutation.error) && mutation.error.errors.length > 0 ? mutation.error.errors.map(fieldErrorText).join('; ') : null}
        </ErrorAlert>
      ) : null}
      {participants.data && seated.length === 0 ? <p className="empty-state">Ingen har plass på kurset ennå.</p> : null}
      {seated.length > 0
        ? course.days.map((day) => {
            const present = presentOn(day);
            const future = day > today;
            return (
              <form
                key={day}
                className="form"
                data-testid={`attendance-${day}`}
                onSubmit={(event) => {
                  event.preventDefault();
                  setSaved(null);
                  mutation.mutate(
                    { courseId: course.id, body: { day, present: [...present] } },
                    {
                      onSuccess: () => {
                        setDrafts(({ [day]: _saved, ...rest }) => rest);
                        setSaved(`Oppmøtet ${formatDate(day)} er lagret.`);
                      },
                    },
                  );
                }}
              >
                <fieldset className="field" disabled={future}>
                  <legend>
                    {formatDate(day)}
                    {future ? ' (kan registreres fra kursdagen)' : ''}
                  </legend>
                  {seated.map((participant) => (
                    <label key={participant.id} className="checkbox-row">
                      <input
                        type="checkbox"
                        checked={present.has(participant.id)}
                        onChange={(event) => {
                          const next = new Set(present);
                          if (event.target.checked) next.add(participant.id);
                          else next.delete(participant.id);
                          setDrafts((current) => ({ ...current, [day]: next }));
                        }}
                      />{' '}
                      {participant.name}
                    </label>
                  ))}
                </fieldset>
                <div className="form-actions">
                  <button type="submit" className="button button-secondary" disabled={future || mutation.isPending}>
                    Lagre oppmøte {formatDate(day)}
                  </button>
                </div>
              </form>
            );
          })
        : null}
    </section>
  );
}
