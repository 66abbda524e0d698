import type { Course, CourseParticipant } from '@alis/shared';
import { useId, useState } from 'react';
import { Badge } from '../../../components/badge';
import { AddForm, ListSection, RowActionDialog } from '../../../components/list-section';
import { TextField } from '../../../components/text-field';
import { useAddParticipant } from '../../../entities/courses/api/add-participant';
import { useParticipants } from '../../../entities/courses/api/get-participants';
import { useRemoveParticipant } from '../../../entities/courses/api/remove-participant';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { type PickedSupervisor, SupervisorPicker } from '../../../entities/supervisors/components/supervisor-picker';
import { isApiError, isProblem } from '../../../lib/api-error';
import { fieldErrorText } from '../../../lib/field-error-text';
import { useAddForm, useRowAction } from '../../../lib/use-list-section';
import { PARTICIPANT_FIELDS, emptyParticipantForm, validateParticipant } from '../utils/course-form';

function participantErrorText(error: unknown): string | null {
  if (!isApiError(error)) return null;
  if (isProblem(error, 'already_exists')) return 'Personen er allerede påmeldt kurset.';
  if (error.status === 409) return 'Kurset er gjennomført eller avlyst; påmeldingen kan ikke endres.';
  if (error.errors.length > 0) return error.errors.map(fieldErrorText).join('; ');
  return null;
}

const seat = (participant: CourseParticipant) =>
  participant.seated ? <Badge tone="success">Plass</Badge> : <Badge tone="warning">{`Venteliste nr. ${participant.waitingPosition ?? ''}`}</Badge>;

/** Who is signed up: seats in sign-up order, then the waiting list; add a veileder or a person not yet registered. */
export function ParticipantsSection({ course, canEdit }: { course: Course; canEdit: boolean }) {
  const id = useId();
  const participants = useParticipants(course.id);
  const remove = useRemoveParticipant();
  const removing = useRowAction<CourseParticipant>(remove);
  const [picked, setPicked] = useState<PickedSupervisor | null>(null);
  const add = useAddForm({
    initialValues: emptyParticipantForm,
    fields: PARTICIPANT_FIELDS,
    fieldId: (field) => `${id}-${field}`,
    validate: validateParticipant,
    mutation: useAddParticipant(),
    toInput: (body) => ({ courseId: course.id, body }),
    afterAdd: (values) => {
      setPicked(null);
      return { values: { ...emptyParticipantForm(), mode: values.mode }, message: 'Deltakeren er meldt på.' };
    },
  });

  return (
    <ListSection
      title="Deltakere"
      intro={`${course.seatsTaken} av ${course.capacity} plasser er tatt${course.waitingCount > 0 ? `, ${course.waitingCount} på venteliste` : ''}. Den første på ventelisten rykker opp når noen melder seg av.`}
      query={participants}
      loadingLabel="Laster deltakerne …"
      errorTitle="Kunne ikke hente deltakerne"
      empty="Ingen er påmeldt ennå."
      caption="Deltakere"
      testId="course-participants"
      columns={[
        { header: 'Navn', cell: (participant) => participant.name },
        { header: 'E-post', cell: (participant) => participant.email ?? '–' },
        { header: 'Kommune', cell: (participant) => participant.kommunenummer ?? '–' },
        { header: 'Plass', cell: seat },
        { header: 'Fullført', cell: (participant) => (participant.completed ? 'Ja' : '–') },
      ]}
      rowKey={(participant) => participant.id}
      rowAction={
        canEdit
          ? (participant) => (
              <button type="button" className="button button-danger button-small" onClick={() => removing.open(participant, null)} aria-label={`Meld av ${participant.name}`}>
                Meld av
              </button>
            )
          : undefined
      }
    >
      {canEdit ? (
        <AddForm
          title="Meld på"
          onSubmit={add.submit}
          added={add.added}
          error={add.error}
          errorText={participantErrorText}
          errorTitle="Kunne ikke melde på"
          busy={add.adding}
          submitLabel="Meld på"
          busyLabel="Melder på …"
        >
          <fieldset className="field">
            <legend>Hvem</legend>
            <label>
              <input type="radio" name={`${id}-mode`} checked={add.values.mode === 'supervisor'} onChange={() => add.update('mode', 'supervisor')} /> Registrert veileder
            </label>{' '}
            <label>
              <input type="radio" name={`${id}-mode`} checked={add.values.mode === 'person'} onChange={() => add.update('mode', 'person')} /> Person som ikke er registrert
            </label>
          </fieldset>
          {add.values.mode === 'supervisor' ? (
            <SupervisorPicker
              id={`${id}-supervisorId`}
              label="Veileder"
              selected={picked}
              error={add.fieldErrors.supervisorId}
              onSelect={(supervisor) => {
                setPicked(supervisor);
                add.update('supervisorId', supervisor?.id ?? '');
              }}
            />
          ) : (
            <div className="inline-fields">
              <TextField id={`${id}-name`} label="Navn" value={add.values.name} error={add.fieldErrors.name} onChange={(value) => add.update('name', value)} />
              <TextField id={`${id}-email`} type="email" label="E-post" value={add.values.email} error={add.fieldErrors.email} onChange={(value) => add.update('email', value)} />
              <TextField
                id={`${id}-hprNumber`}
                label="HPR-nummer (valgfritt)"
                inputMode="numeric"
                value={add.values.hprNumber}
                error={add.fieldErrors.hprNumber}
                onChange={(value) => add.update('hprNumber', value)}
              />
              <MunicipalityPicker id={`${id}-kommunenummer`} value={add.values.kommunenummer} error={add.fieldErrors.kommunenummer} onChange={(value) => add.update('kommunenummer', value)} />
            </div>
          )}
        </AddForm>
      ) : null}
      <RowActionDialog
        open={removing.target !== null}
        title="Melde av deltakeren?"
        confirmLabel="Meld av"
        busy={remove.isPending}
        error={remove.isError ? remove.error : null}
        errorTitle="Kunne ikke melde av"
        onCancel={removing.close}
        onConfirm={() => {
          if (removing.target) remove.mutate({ courseId: course.id, participantId: removing.target.item.id }, { onSuccess: removing.close });
        }}
      >
        {removing.target ? <p>{removing.target.item.name} meldes av kurset. Den første på ventelisten får plassen.</p> : null}
      </RowActionDialog>
    </ListSection>
  );
}
