import { DateInput } from '../../../components/date-input';
import { AGREEMENT_TRANSITIONS, type Agreement, type AgreementStatus, type EndReason, endReasonsFor, todayInNorway } from '@alis/shared';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Field } from '../../../components/field';
import { TextField } from '../../../components/text-field';
import { TransitionError } from '../../../components/transition-error';
import { formatDate, labelOf } from '../../../lib/format';
import { agreementKeys } from '../../../entities/agreements/api/keys';
import { type TransitionAgreementInput, useTransitionAgreement } from '../../../entities/agreements/api/transition-agreement';
import { useTransitionDialog } from '../../../lib/use-transition-dialog';
import { AGREEMENT_STATUS_LABELS, AGREEMENT_TRANSITION_LABELS, END_REASON_LABELS, transitionMissingLabel } from '../../../entities/agreements/utils/labels';
import {
  TRANSITION_FIELDS,
  type TransitionDraft,
  type TransitionField,
  closes,
  newTransitionDraft,
  transitionFieldErrors,
  validateTransition,
} from '../utils/transition-form';

interface AgreementTransitionsProps {
  agreement: Agreement;
  etag: string | null;
}

const statusLabel = (status: string) => labelOf(AGREEMENT_STATUS_LABELS, status);
/** Ending or dropping an agreement is not undone: those buttons say so by their look. */
const DANGEROUS: readonly AgreementStatus[] = ['terminated', 'cancelled'];

/** Activate, complete or terminate the agreement, or drop a draft, each after a confirmation. */
export function AgreementTransitions({ agreement, etag }: AgreementTransitionsProps) {
  const id = useId();
  const mutation = useTransitionAgreement();
  const dialog = useTransitionDialog<AgreementStatus, TransitionDraft, TransitionAgreementInput>(mutation, agreementKeys.detail(agreement.id));
  const { draft, done, close, reload } = dialog;
  const [touched, setTouched] = useState(false);
  const next = AGREEMENT_TRANSITIONS[agreement.status];
  const today = todayInNorway();
  const fieldId = (field: TransitionField) => `${id}-${field}`;

  const checked = draft && touched ? validateTransition(draft, agreement.startDate, today) : null;
  const apiErrors = transitionFieldErrors(mutation.error);
  const errors = { ...apiErrors, ...(checked && !checked.ok ? checked.fieldErrors : {}) };
  const focusFirst = (fieldErrors: Partial<Record<TransitionField, string>>) => {
    const first = TRANSITION_FIELDS.find((field) => fieldErrors[field]);
    if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
  };

  const edit = (patch: Partial<TransitionDraft>) => {
    dialog.edit(patch);
    // What the API refused was about the values as they were.
    if (mutation.isError) mutation.reset();
  };
  const open = (to: AgreementStatus) => {
    setTouched(false);
    dialog.open(newTransitionDraft(to, today));
  };
  const confirm = () => {
    if (!draft) return;
    setTouched(true);
    const validation = validateTransition(draft, agreement.startDate, today);
    if (!validation.ok) {
      focusFirst(validation.fieldErrors);
      return;
    }
    dialog.confirm({ id: agreement.id, etag, body: validation.data }, (error) => focusFirst(transitionFieldErrors(error) ?? {}));
  };

  const textArea = (field: 'reason' | 'note', label: string, hint: string) =>
    draft ? (
      <TextField
        id={fieldId(field)}
        label={label}
        hint={hint}
        rows={3}
        maxLength={2000}
        value={draft[field]}
        error={errors[field]}
        onChange={(value) => edit({ [field]: value })}
      />
    ) : null;
  const ending = draft ? closes(draft.to) : false;
  const reasons = draft ? endReasonsFor(draft.to) : [];

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
            <button key={to} type="button" className={DANGEROUS.includes(to) ? 'button button-danger' : 'button button-primary'} onClick={() => open(to)}>
              {AGREEMENT_TRANSITION_LABELS[to]}
            </button>
          ))}
        </div>
      ) : (
        <p className="muted">
          {agreement.status === 'cancelled' ? 'Utkastet er forkastet og kan ikke endre status.' : 'Avtalen er avsluttet og kan ikke endre status.'}
        </p>
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
            ) : draft.to === 'cancelled' ? (
              <p>
                Utkastet til avtale mellom {agreement.municipalityName} og {agreement.doctor.name} forkastes og blir aldri aktivt. Dette kan ikke
                angres.
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
            {mutation.isError && apiErrors ? (
              <p role="alert" className="alert alert-error">
                Statusen ble ikke endret. Rett opp feltene som er merket.
              </p>
            ) : null}
            {mutation.isError && !apiErrors ? (
              <TransitionError
                error={mutation.error}
                statusLabel={statusLabel}
                describeMissing={transitionMissingLabel}
                subject="Avtalen"
                onReload={reload}
              />
            ) : null}
            {draft.to === 'cancelled' ? textArea('reason', 'Hvorfor forkastes utkastet?', 'Påkrevd. Vises på avtalen.') : null}
            {ending ? (
              <>
                <Field id={fieldId('endDate')} label="Sluttdato" hint={`Siste dag avtalen gjaldt, fra ${formatDate(agreement.startDate)} til i dag`} error={errors.endDate}>
                  {(control) => (
                    <DateInput {...control} value={draft.endDate} onChange={(endDate) => edit({ endDate })} />
                  )}
                </Field>
                <Field id={fieldId('endReason')} label="Sluttårsak" error={errors.endReason}>
                  {(control) => (
                    <select {...control} value={draft.endReason} onChange={(event) => edit({ endReason: event.target.value as EndReason | '' })}>
                      {reasons.length > 1 ? <option value="">Velg sluttårsak</option> : null}
                      {reasons.map((reason) => (
                        <option key={reason} value={reason}>
                          {END_REASON_LABELS[reason]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </>
            ) : null}
            {/* Why a draft is dropped is its note. */}
            {draft.to === 'cancelled' ? null : textArea('note', 'Merknad', 'Valgfritt')}
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
