import { type Absence, type Agreement, absenceKinds } from '@alis/shared';
import { useId } from 'react';
import { Field } from '../../../components/field';
import { AddForm, ListSection, RowActionDialog } from '../../../components/list-section';
import { TextField } from '../../../components/text-field';
import { useCreateAbsence } from '../../../entities/agreements/api/create-absence';
import { useDeleteAbsence } from '../../../entities/agreements/api/delete-absence';
import { useAbsences } from '../../../entities/agreements/api/get-absences';
import { ABSENCE_KIND_LABELS, type AbsenceKind } from '../../../entities/agreements/utils/labels';
import { isApiError, isProblem } from '../../../lib/api-error';
import { fieldErrorText } from '../../../lib/field-error-text';
import { formatDate, formatPeriod } from '../../../lib/format';
import { useAddForm, useRowAction } from '../../../lib/use-list-section';
import { ABSENCE_FIELDS, absenceDays, emptyAbsenceForm, plannedEndWithAbsence, validateAbsence } from '../utils/absence-form';

interface AbsencesSectionProps {
  agreement: Agreement;
  canEdit: boolean;
}

function absenceErrorText(error: unknown): string | null {
  if (!isApiError(error)) return null;
  if (error.status === 409) return 'Avtalen er avsluttet. Fravær kan bare legges til og slettes på avtaler som er utkast eller aktive.';
  if (isProblem(error, 'unprocessable') && error.problem.overlappingId) {
    return `Fraværet overlapper et fravær som allerede er registrert: ${error.errors.map(fieldErrorText).join('; ')}.`;
  }
  if ((error.status === 422 || error.status === 400) && error.errors.length > 0) return error.errors.map(fieldErrorText).join('; ');
  return null;
}

/** Leave, institution service and other absences: each day moves the planned end date one day. */
export function AbsencesSection({ agreement, canEdit }: AbsencesSectionProps) {
  const id = useId();
  const absences = useAbsences(agreement.id);
  const remove = useDeleteAbsence();
  const deleting = useRowAction<Absence>(remove);
  const add = useAddForm({
    initialValues: emptyAbsenceForm,
    fields: ABSENCE_FIELDS,
    fieldId: (field) => `${id}-${field}`,
    validate: (values) => validateAbsence(values, absences.data ?? []),
    mutation: useCreateAbsence(),
    toInput: (body) => ({ agreementId: agreement.id, body }),
    // The planned end date in the message is the agreement's as the API has moved it, read again after the add.
    afterAdd: () => ({ values: emptyAbsenceForm(), message: 'Fraværet er lagt til.' }),
  });
  const preview = plannedEndWithAbsence(agreement, absences.data ?? [], add.values);

  return (
    <ListSection
      title="Fravær og permisjon"
      intro={
        <>
          Permisjon, institusjonstjeneste utenfor kommunen og annet fravær forlenger avtalen dag for dag. Planlagt sluttdato nå:{' '}
          <strong data-testid="absences-planned-end">{formatDate(agreement.plannedEndDate)}</strong>.
        </>
      }
      query={absences}
      loadingLabel="Laster fravær …"
      errorTitle="Kunne ikke hente fraværet"
      empty="Ingen fravær registrert."
      caption="Fravær"
      columns={[
        { header: 'Type', cell: (absence) => ABSENCE_KIND_LABELS[absence.kind] },
        { header: 'Fra', cell: (absence) => formatDate(absence.from) },
        { header: 'Til', cell: (absence) => formatDate(absence.to) },
        { header: 'Dager', numeric: true, cell: absenceDays },
      ]}
      rowKey={(absence) => absence.id}
      rowAction={
        canEdit
          ? (absence) => (
              <button
                type="button"
                className="button button-danger button-small"
                onClick={() => deleting.open(absence, null)}
                aria-label={`Slett ${ABSENCE_KIND_LABELS[absence.kind].toLowerCase()} ${formatPeriod(absence)}`}
              >
                Slett
              </button>
            )
          : undefined
      }
    >
      {canEdit ? (
        <AddForm
          title="Legg til fravær"
          onSubmit={add.submit}
          added={add.added ? `${add.added} Ny planlagt sluttdato: ${formatDate(agreement.plannedEndDate)}.` : null}
          error={add.error}
          errorText={absenceErrorText}
          errorTitle="Kunne ikke legge til fraværet"
          busy={add.adding}
          submitLabel="Legg til fravær"
          busyLabel="Legger til …"
        >
          <div className="inline-fields">
            <Field id={`${id}-kind`} label="Type" error={add.fieldErrors.kind}>
              {(control) => (
                <select {...control} value={add.values.kind} onChange={(event) => add.update('kind', event.target.value as AbsenceKind | '')}>
                  <option value="">Velg type</option>
                  {absenceKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {ABSENCE_KIND_LABELS[kind]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <TextField id={`${id}-from`} type="date" label="Fra og med" value={add.values.from} error={add.fieldErrors.from} onChange={(value) => add.update('from', value)} />
            <TextField id={`${id}-to`} type="date" label="Til og med" value={add.values.to} error={add.fieldErrors.to} onChange={(value) => add.update('to', value)} />
          </div>
          {preview ? (
            <p className="preview" aria-live="polite">
              Med dette fraværet blir planlagt sluttdato <strong>{formatDate(preview)}</strong>.
            </p>
          ) : null}
        </AddForm>
      ) : null}

      <RowActionDialog
        open={deleting.target !== null}
        title="Slette fraværet?"
        confirmLabel="Slett fraværet"
        busy={remove.isPending}
        error={remove.isError ? remove.error : null}
        errorTitle="Kunne ikke slette fraværet"
        onCancel={deleting.close}
        onConfirm={() => {
          if (deleting.target) remove.mutate({ agreementId: agreement.id, absenceId: deleting.target.item.id }, { onSuccess: deleting.close });
        }}
      >
        {deleting.target ? (
          <p>
            {ABSENCE_KIND_LABELS[deleting.target.item.kind]} {formatPeriod(deleting.target.item)} ({absenceDays(deleting.target.item)} dager) slettes, og planlagt
            sluttdato flyttes tilbake tilsvarende.
          </p>
        ) : null}
      </RowActionDialog>
    </ListSection>
  );
}
