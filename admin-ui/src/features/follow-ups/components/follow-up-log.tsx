import { type FollowUp, followUpKinds } from '@alis/shared';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Field } from '../../../components/field';
import { AddForm, ListSection } from '../../../components/list-section';
import { TextField } from '../../../components/text-field';
import { useCreateFollowUp } from '../../../entities/follow-ups/api/create-follow-up';
import { followUpsQueryOptions } from '../../../entities/follow-ups/api/get-follow-ups';
import { useUpdateFollowUp } from '../../../entities/follow-ups/api/update-follow-up';
import { FOLLOW_UP_KIND_LABELS } from '../../../entities/follow-ups/utils/labels';
import { isApiError } from '../../../lib/api-error';
import { fieldErrorText } from '../../../lib/field-error-text';
import { formatDate } from '../../../lib/format';
import { useAddForm } from '../../../lib/use-list-section';
import { FOLLOW_UP_FIELDS, emptyFollowUpForm, validateFollowUp } from '../utils/follow-up-form';

/** The log shows the newest entries; an office rarely has more about one municipality. */
const LOG_LIMIT = 200;

function followUpErrorText(error: unknown): string | null {
  if (!isApiError(error)) return null;
  if (error.status === 412) return 'Noen andre har endret oppføringen. Listen er lastet inn på nytt; prøv igjen.';
  return error.errors.length > 0 ? error.errors.map(fieldErrorText).join('; ') : null;
}

/** The office's follow-up log of a municipality, newest first, with a form to log the next one. */
export function FollowUpLog({ kommunenummer }: { kommunenummer: string }) {
  const id = useId();
  const log = useQuery({ ...followUpsQueryOptions(kommunenummer, { limit: LOG_LIMIT }), select: (page) => page.items });
  const update = useUpdateFollowUp();
  const add = useAddForm({
    initialValues: emptyFollowUpForm,
    fields: FOLLOW_UP_FIELDS,
    fieldId: (field) => `${id}-${field}`,
    validate: validateFollowUp,
    mutation: useCreateFollowUp(),
    toInput: (body) => ({ kommunenummer, body }),
    afterAdd: () => ({ values: emptyFollowUpForm(), message: 'Oppfølgingen er logget.' }),
  });
  const markDone = (item: FollowUp) => update.mutate({ kommunenummer, id: item.id, etag: `"v${item.version}"`, changes: { done: true } });

  return (
    <ListSection
      title="Oppfølgingslogg"
      intro="ALIS-kontorets møter, samtaler og besøk med kommunen, nyeste først, med det som ble avtalt og neste oppfølging."
      query={log}
      loadingLabel="Laster oppfølgingsloggen …"
      errorTitle="Kunne ikke hente oppfølgingsloggen"
      empty="Ingen oppfølging er logget."
      caption="Oppfølgingslogg"
      testId="follow-up-log"
      columns={[
        { header: 'Dato', cell: (item) => formatDate(item.date) },
        { header: 'Type', cell: (item) => FOLLOW_UP_KIND_LABELS[item.kind] },
        { header: 'Deltakere', cell: (item) => item.participants ?? '–' },
        { header: 'Referat', cell: (item) => item.summary },
        { header: 'Avtalt', cell: (item) => item.agreedActions ?? '–' },
        { header: 'Neste oppfølging', cell: (item) => (item.done ? 'Utført' : formatDate(item.nextFollowUpOn)) },
      ]}
      rowKey={(item) => item.id}
      rowAction={(item) =>
        item.done ? null : (
          <button type="button" className="button button-secondary button-small" disabled={update.isPending} onClick={() => markDone(item)} aria-label={`Merk oppfølgingen ${formatDate(item.date)} som utført`}>
            Merk utført
          </button>
        )
      }
    >
      {update.isError ? (
        <p role="alert" className="alert alert-error">
          {followUpErrorText(update.error) ?? 'Kunne ikke oppdatere oppføringen.'}
        </p>
      ) : null}
      <AddForm
        title="Logg oppfølging"
        onSubmit={add.submit}
        added={add.added}
        error={add.error}
        errorText={followUpErrorText}
        errorTitle="Kunne ikke logge oppfølgingen"
        busy={add.adding}
        submitLabel="Logg oppfølging"
        busyLabel="Lagrer …"
      >
        <div className="inline-fields">
          <TextField id={`${id}-date`} type="date" label="Dato" value={add.values.date} error={add.fieldErrors.date} onChange={(value) => add.update('date', value)} />
          <Field id={`${id}-kind`} label="Type" error={add.fieldErrors.kind}>
            {(control) => (
              <select {...control} value={add.values.kind} onChange={(event) => add.update('kind', followUpKinds.find((kind) => kind === event.target.value) ?? 'other')}>
                {followUpKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {FOLLOW_UP_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            id={`${id}-nextFollowUpOn`}
            type="date"
            label="Neste oppfølging"
            value={add.values.nextFollowUpOn}
            error={add.fieldErrors.nextFollowUpOn}
            onChange={(value) => add.update('nextFollowUpOn', value)}
          />
        </div>
        <TextField id={`${id}-participants`} label="Hvem deltok" value={add.values.participants} error={add.fieldErrors.participants} onChange={(value) => add.update('participants', value)} />
        <TextField id={`${id}-summary`} label="Referat" rows={3} value={add.values.summary} error={add.fieldErrors.summary} onChange={(value) => add.update('summary', value)} />
        <TextField id={`${id}-agreedActions`} label="Avtalte tiltak" rows={2} value={add.values.agreedActions} error={add.fieldErrors.agreedActions} onChange={(value) => add.update('agreedActions', value)} />
      </AddForm>
    </ListSection>
  );
}
