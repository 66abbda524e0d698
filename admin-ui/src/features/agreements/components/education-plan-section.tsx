import { type Agreement, type EducationPlanStatus, educationPlanStatuses } from '@alis/shared';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { Field } from '../../../components/field';
import { TextField } from '../../../components/text-field';
import { useUpdateAgreement } from '../../../entities/agreements/api/update-agreement';
import { isApiError, isProblem } from '../../../lib/api-error';
import { fieldErrorText } from '../../../lib/field-error-text';
import { formatDate } from '../../../lib/format';

export const EDUCATION_PLAN_STATUS_LABELS: Record<EducationPlanStatus, string> = {
  missing: 'Mangler',
  draft: 'Under arbeid',
  approved: 'Godkjent',
};

type PlanField = 'status' | 'approvedOn' | 'reviewedOn' | 'link';
const valuesOf = (agreement: Agreement) => ({
  status: agreement.educationPlan.status,
  approvedOn: agreement.educationPlan.approvedOn ?? '',
  reviewedOn: agreement.educationPlan.reviewedOn ?? '',
  link: agreement.educationPlan.link ?? '',
});

/**
 * The ALIS's individual education plan (individuell utdanningsplan): its status, when it was
 * approved and last reviewed, and where the document is (it stays in the municipality's archive).
 */
export function EducationPlanSection({ agreement, etag, canEdit }: { agreement: Agreement; etag: string | null; canEdit: boolean }) {
  const id = useId();
  const plan = agreement.educationPlan;
  const mutation = useUpdateAgreement();
  const [values, setValues] = useState(() => valuesOf(agreement));
  const [saved, setSaved] = useState(false);
  const errors: Partial<Record<PlanField, string>> = {};
  if (isApiError(mutation.error)) {
    for (const error of mutation.error.errors) {
      const field = error.path.replace(/^educationPlan\./, '') as PlanField;
      errors[field] = fieldErrorText(error);
    }
  }
  const update = (field: PlanField, value: string) => {
    setSaved(false);
    setValues((current) => ({ ...current, [field]: value }));
  };
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="education-plan">
      <h2 id={`${id}-heading`}>Individuell utdanningsplan</h2>
      <p className="muted">
        Status: <strong>{EDUCATION_PLAN_STATUS_LABELS[plan.status]}</strong>
        {plan.approvedOn ? `, godkjent ${formatDate(plan.approvedOn)}` : ''}
        {plan.reviewedOn ? `, sist revidert ${formatDate(plan.reviewedOn)}` : ''}.{' '}
        {plan.status === 'approved' ? `Neste revisjon innen ${formatDate(plan.reviewDueOn)}.` : `Skal være godkjent innen ${formatDate(plan.dueOn)}.`} Selve dokumentet
        ligger i kommunens arkiv; her lagres bare henvisningen.
      </p>
      {canEdit ? (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate(
              {
                id: agreement.id,
                etag,
                changes: {
                  educationPlan: {
                    status: values.status,
                    ...(values.status === 'approved' ? { approvedOn: values.approvedOn || null } : {}),
                    reviewedOn: values.reviewedOn || null,
                    link: values.link,
                  },
                },
              },
              {
                onSuccess: (fresh) => {
                  setValues(valuesOf(fresh.value));
                  setSaved(true);
                },
              },
            );
          }}
        >
          {saved ? (
            <p role="status" className="alert alert-success">
              Utdanningsplanen er lagret.
            </p>
          ) : null}
          {isProblem(mutation.error, 'precondition_failed') ? (
            <p role="alert" className="alert alert-error">
              Noen andre har endret avtalen mens du redigerte. Last siden inn på nytt og prøv igjen.
            </p>
          ) : mutation.isError && Object.keys(errors).length === 0 ? (
            <ErrorAlert error={mutation.error} title="Kunne ikke lagre utdanningsplanen" />
          ) : null}
          <div className="inline-fields">
            <Field id={`${id}-status`} label="Status" error={errors.status}>
              {(control) => (
                <select {...control} value={values.status} onChange={(event) => update('status', event.target.value)}>
                  {educationPlanStatuses.map((status) => (
                    <option key={status} value={status}>
                      {EDUCATION_PLAN_STATUS_LABELS[status]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {values.status === 'approved' ? (
              <TextField id={`${id}-approvedOn`} type="date" label="Godkjent" value={values.approvedOn} error={errors.approvedOn} onChange={(value) => update('approvedOn', value)} />
            ) : null}
            <TextField id={`${id}-reviewedOn`} type="date" label="Sist revidert" value={values.reviewedOn} error={errors.reviewedOn} onChange={(value) => update('reviewedOn', value)} />
          </div>
          <TextField
            id={`${id}-link`}
            label="Lenke eller arkivreferanse"
            value={values.link}
            error={errors.link}
            hint="For eksempel saksnummeret i kommunens arkiv."
            onChange={(value) => update('link', value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={mutation.isPending}>
              {mutation.isPending ? 'Lagrer …' : 'Lagre utdanningsplanen'}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
