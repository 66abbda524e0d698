import { type Absence, type Agreement, absenceKinds } from '@alis/shared';
import { type SubmitEvent, useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { Field } from '../../../components/field';
import { Loading } from '../../../components/loading';
import { isApiError, isProblem } from '../../../lib/api-client';
import { fieldErrorText } from '../../../lib/field-error-text';
import { type FieldErrors } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { useCreateAbsence } from '../../../entities/agreements/api/create-absence';
import { useDeleteAbsence } from '../../../entities/agreements/api/delete-absence';
import { useAbsences } from '../../../entities/agreements/api/get-absences';
import {
  type AbsenceField,
  type AbsenceFormValues,
  absenceDays,
  emptyAbsenceForm,
  plannedEndWithAbsence,
  validateAbsence,
} from '../utils/absence-form';
import { ABSENCE_KIND_LABELS, type AbsenceKind } from '../../../entities/agreements/utils/labels';

interface AbsencesSectionProps {
  agreement: Agreement;
  canEdit: boolean;
}

function absenceErrorText(error: unknown): string | null {
  if (!isApiError(error)) return null;
  if (error.status === 409) return 'Avtalen er avsluttet. Fravær kan bare legges til og slettes på avtaler som er utkast eller aktive.';
  if (isProblem(error, 'unprocessable') && error.problem.overlappingId) {
    return `Fraværet overlapper et fravær som allerede er registrert (${error.errors.map(fieldErrorText).join('; ')}).`;
  }
  if ((error.status === 422 || error.status === 400) && error.errors.length > 0) return error.errors.map(fieldErrorText).join('; ');
  return null;
}

/** Leave, institution service and other absences: each day moves the planned end date one day. */
export function AbsencesSection({ agreement, canEdit }: AbsencesSectionProps) {
  const id = useId();
  const absences = useAbsences(agreement.id);
  const create = useCreateAbsence();
  const remove = useDeleteAbsence();
  const [values, setValues] = useState<AbsenceFormValues>(emptyAbsenceForm);
  const [errors, setErrors] = useState<FieldErrors<AbsenceField>>({});
  const [added, setAdded] = useState(false);
  const [deleting, setDeleting] = useState<Absence | null>(null);

  const update = <K extends AbsenceField>(field: K, value: AbsenceFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
    setAdded(false);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const validation = validateAbsence(values);
    if (!validation.ok) {
      setErrors(validation.fieldErrors);
      const first = ABSENCE_ORDER.find((field) => validation.fieldErrors[field]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setErrors({});
    create.mutate(
      { agreementId: agreement.id, body: validation.data },
      {
        onSuccess: () => {
          setValues(emptyAbsenceForm());
          setAdded(true);
        },
      },
    );
  };

  const items = absences.data ?? [];
  const preview = plannedEndWithAbsence(agreement, items, values);
  const createError = create.isError ? absenceErrorText(create.error) : null;

  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>Fravær og permisjon</h2>
      <p className="muted">
        Permisjon, institusjonstjeneste utenfor kommunen og annet fravær forlenger avtalen dag for dag. Planlagt sluttdato nå:{' '}
        <strong data-testid="absences-planned-end">{formatDate(agreement.plannedEndDate)}</strong>.
      </p>
      {absences.isPending ? <Loading label="Laster fravær …" /> : null}
      {absences.isError ? <ErrorAlert error={absences.error} title="Kunne ikke hente fraværet" onRetry={() => void absences.refetch()} /> : null}
      {absences.data && items.length === 0 ? <p className="empty-state">Ingen fravær registrert.</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Fravær</caption>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Fra</th>
                <th scope="col">Til</th>
                <th scope="col" className="numeric">
                  Dager
                </th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">Handlinger</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((absence) => (
                <tr key={absence.id}>
                  <td>{ABSENCE_KIND_LABELS[absence.kind]}</td>
                  <td>{formatDate(absence.from)}</td>
                  <td>{formatDate(absence.to)}</td>
                  <td className="numeric">{absenceDays(absence)}</td>
                  {canEdit ? (
                    <td>
                      <button
                        type="button"
                        className="button button-danger button-small"
                        onClick={() => {
                          remove.reset();
                          setDeleting(absence);
                        }}
                        aria-label={`Slett ${ABSENCE_KIND_LABELS[absence.kind].toLowerCase()} ${formatDate(absence.from)}–${formatDate(absence.to)}`}
                      >
                        Slett
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {canEdit ? (
        <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-add-heading`} style={{ marginTop: '1rem' }}>
          <h3 id={`${id}-add-heading`}>Legg til fravær</h3>
          {added ? (
            <p role="status" className="alert alert-success">
              Fraværet er lagt til. Ny planlagt sluttdato: {formatDate(agreement.plannedEndDate)}.
            </p>
          ) : null}
          {create.isError ? (
            createError ? (
              <p role="alert" className="alert alert-error">
                {createError}
              </p>
            ) : (
              <ErrorAlert error={create.error} title="Kunne ikke legge til fraværet" />
            )
          ) : null}
          <div className="inline-fields">
            <Field id={`${id}-kind`} label="Type" error={errors.kind}>
              {(control) => (
                <select {...control} value={values.kind} onChange={(event) => update('kind', event.target.value as AbsenceKind | '')}>
                  <option value="">Velg type</option>
                  {absenceKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {ABSENCE_KIND_LABELS[kind]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${id}-from`} label="Fra og med" error={errors.from}>
              {(control) => <input {...control} type="date" value={values.from} onChange={(event) => update('from', event.target.value)} />}
            </Field>
            <Field id={`${id}-to`} label="Til og med" error={errors.to}>
              {(control) => <input {...control} type="date" value={values.to} onChange={(event) => update('to', event.target.value)} />}
            </Field>
          </div>
          {preview ? (
            <p className="preview" aria-live="polite">
              Med dette fraværet blir planlagt sluttdato <strong>{formatDate(preview)}</strong>.
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {create.isPending ? 'Legger til …' : 'Legg til fravær'}
            </button>
          </div>
        </form>
      ) : null}

      <ConfirmDialog
        open={deleting !== null}
        title="Slette fraværet?"
        confirmLabel="Slett fraværet"
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate({ agreementId: agreement.id, absenceId: deleting.id }, { onSuccess: () => setDeleting(null) });
        }}
      >
        {deleting ? (
          <>
            <p>
              {ABSENCE_KIND_LABELS[deleting.kind]} {formatDate(deleting.from)}–{formatDate(deleting.to)} ({absenceDays(deleting)} dager) slettes,
              og planlagt sluttdato flyttes tilbake tilsvarende.
            </p>
            {remove.isError ? <ErrorAlert error={remove.error} title="Kunne ikke slette fraværet" /> : null}
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

const ABSENCE_ORDER: AbsenceField[] = ['kind', 'from', 'to'];
