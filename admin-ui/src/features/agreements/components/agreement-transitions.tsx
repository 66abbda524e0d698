import { AGREEMENT_TRANSITIONS, type Agreement, type AgreementStatus, type EndReason, endReasons, todayInNorway } from '@alis/shared';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Field } from '../../../components/field';
import { TransitionError } from '../../../components/transition-error';
import { formatDate, labelOf } from '../../../lib/format';
import { isIsoDate } from '../../../lib/form';
import { agreementKeys } from '../../../entities/agreements/api/keys';
import { type TransitionAgreementInput, useTransitionAgreement } from '../../../entities/agreements/api/transition-agreement';
import { useTransitionDialog } from '../../../lib/use-transition-dialog';
import { AGREEMENT_STATUS_LABELS, AGREEMENT_TRANSITION_LABELS, END_REASON_LABELS, ENDING_STATUSES, transitionMissingLabel } from '../../../entities/agreements/utils/labels';

interface AgreementTransitionsProps {
  agreement: Agreement;
  etag: string | null;
}

interface Draft {
  to: AgreementStatus;
  endDate: string;
  endReason: EndReason | '';
  note: string;
}

const statusLabel = (status: string) => labelOf(AGREEMENT_STATUS_LABELS, status);
const defaultReason = (to: AgreementStatus): EndReason | '' => (to === 'completed' ? 'completed_training' : '');

/** Activate, complete or terminate the agreement, each after a confirmation. */
export function AgreementTransitions({ agreement, etag }: AgreementTransitionsProps) {
  const id = useId();
  const mutation = useTransitionAgreement();
  const dialog = useTransitionDialog<AgreementStatus, Draft, TransitionAgreementInput>(mutation, agreementKeys.detail(agreement.id));
  const { draft, done, close, reload } = dialog;
  const setDraft = (next: Draft) => dialog.edit(next);
  const [touched, setTouched] = useState(false);
  const next = AGREEMENT_TRANSITIONS[agreement.status];

  const ending = draft ? ENDING_STATUSES.includes(draft.to) : false;
  const endDateError = draft && ending && touched && !isIsoDate(draft.endDate) ? 'Skriv inn sluttdatoen' : undefined;
  const endReasonError = draft && ending && touched && !draft.endReason ? 'Velg en sluttårsak' : undefined;

  const open = (to: AgreementStatus) => {
    setTouched(false);
    dialog.open({ to, endDate: todayInNorway(), endReason: defaultReason(to), note: '' });
  };
  const confirm = () => {
    if (!draft) return;
    setTouched(true);
    if (ending && (!isIsoDate(draft.endDate) || !draft.endReason)) return;
    const note = draft.note.trim();
    dialog.confirm({
      id: agreement.id,
      etag,
      body: {
        to: draft.to,
        ...(ending ? { endDate: draft.endDate, endReason: draft.endReason as EndReason } : {}),
        ...(note ? { note } : {}),
      },
    });
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>Status</h2>
      <p>
        Avtalen er <strong>{AGREEMENT_STATUS_LABELS[agreement.status].toLowerCase()}</strong>.
      </p>
      {done ? (
        <p role="status" className="alert alert-success">
          Avtalen er nå {AGREEMENT_STATUS_LABELS[done].toLowerCase()}.
        </p>
      ) : null}
      {next.length > 0 ? (
        <div className="section-actions">
          {next.map((to) => (
            <button
              key={to}
              type="button"
              className={to === 'terminated' ? 'button button-danger' : 'button button-primary'}
              onClick={() => open(to)}
            >
              {AGREEMENT_TRANSITION_LABELS[to]}
            </button>
          ))}
        </div>
      ) : (
        <p className="muted">Avtalen er avsluttet og kan ikke endre status.</p>
      )}

      <ConfirmDialog
        open={draft !== null}
        title={draft ? `${AGREEMENT_TRANSITION_LABELS[draft.to]}?` : ''}
        confirmLabel={draft ? AGREEMENT_TRANSITION_LABELS[draft.to] : ''}
        busy={mutation.isPending}
        onConfirm={confirm}
        onCancel={close}
      >
        {draft ? (
          <>
            {draft.to === 'active' ? (
              <p>
                Avtalen mellom {agreement.municipalityName} og {agreement.doctor.name} blir aktiv fra {formatDate(agreement.startDate)}.
                Planlagt sluttdato er {formatDate(agreement.plannedEndDate)}.
              </p>
            ) : (
              <p>
                Avtalen mellom {agreement.municipalityName} og {agreement.doctor.name} får status «{AGREEMENT_STATUS_LABELS[draft.to].toLowerCase()}».
                Dette kan ikke angres.
              </p>
            )}
            {draft.to === 'active' && !agreement.signedOn && !mutation.isError ? (
              <p className="alert alert-warning">
                Avtalen har ingen signert dato. Fyll inn «Signert dato» under «Endre avtalen» og lagre før du aktiverer.
              </p>
            ) : null}
            {mutation.isError ? (
              <TransitionError
                error={mutation.error}
                statusLabel={statusLabel}
                describeMissing={transitionMissingLabel}
                subject="Avtalen"
                onReload={reload}
              />
            ) : null}
            {ending ? (
              <>
                <Field id={`${id}-endDate`} label="Sluttdato" hint="Siste dag avtalen gjaldt" error={endDateError}>
                  {(control) => (
                    <input {...control} type="date" value={draft.endDate} onChange={(event) => setDraft({ ...draft, endDate: event.target.value })} />
                  )}
                </Field>
                <Field id={`${id}-endReason`} label="Sluttårsak" error={endReasonError}>
                  {(control) => (
                    <select {...control} value={draft.endReason} onChange={(event) => setDraft({ ...draft, endReason: event.target.value as EndReason | '' })}>
                      <option value="">Velg sluttårsak</option>
                      {endReasons.map((reason) => (
                        <option key={reason} value={reason}>
                          {END_REASON_LABELS[reason]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </>
            ) : null}
            <Field id={`${id}-note`} label="Merknad" hint="Valgfritt">
              {(control) => (
                <textarea {...control} rows={3} maxLength={2000} value={draft.note} onChange={(event) => setDraft({ ...draft, note: event.target.value })} />
              )}
            </Field>
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
