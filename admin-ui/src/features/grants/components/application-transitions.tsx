import { GRANTING_STATUSES, GRANT_DECISIONS, type GrantApplication, type GrantApplicationStatus, todayInNorway } from '@alis/shared';
import { useId } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Field } from '../../../components/field';
import { TransitionError } from '../../../components/transition-error';
import { grantKeys } from '../../../entities/grants/api/keys';
import { type TransitionGrantApplicationInput, useTransitionGrantApplication } from '../../../entities/grants/api/transition-grant-application';
import { GRANT_STATUS_LABELS, GRANT_TRANSITION_LABELS } from '../../../entities/grants/utils/labels';
import { formatDate, formatNok, labelOf } from '../../../lib/format';
import { useTransitionDialog } from '../../../lib/use-transition-dialog';
import { type TransitionDraft, startDraft, transitionBody, transitionDateErrors, transitionErrorText } from '../utils/transition-form';
import { DateInput } from '../../../components/date-input';

interface ApplicationTransitionsProps {
  application: GrantApplication;
  etag: string | null;
  /** Whether the user is an administrator: the only one who sends after the deadline. */
  isAdmin: boolean;
  /** Unsaved changes to the lines: they must be saved before the status changes. */
  blockedByUnsavedChanges: boolean;
}

const statusLabel = (status: string) => labelOf(GRANT_STATUS_LABELS, status);
const dangerous: readonly GrantApplicationStatus[] = ['rejected', 'withdrawn'];

/** The moves the API allows this user now, each behind a dialog asking for what it needs. */
export function ApplicationTransitions({ application: a, etag, isAdmin, blockedByUnsavedChanges }: ApplicationTransitionsProps) {
  const id = useId();
  const today = todayInNorway();
  const mutation = useTransitionGrantApplication();
  const dialog = useTransitionDialog<GrantApplicationStatus, TransitionDraft, TransitionGrantApplicationInput>(mutation, grantKeys.detail(a.id));
  const { draft, done, close, reload } = dialog;
  const set = (patch: Partial<TransitionDraft>) => dialog.edit(patch);
  const late = today > a.scheme.applicationDeadline;
  const allowed = a.allowedTransitions;

  const dateErrors = draft ? transitionDateErrors(draft, today) : {};
  const field = (name: keyof TransitionDraft, label: string, type: 'date' | 'text' | 'amount', hint?: string) =>
    draft ? (
      <Field id={`${id}-${name}`} label={label} hint={hint} error={dateErrors[name]}>
        {(control) =>
          type === 'date' ? (
            <DateInput {...control} value={draft[name]} onChange={(value) => set({ [name]: value })} />
          ) : (
            <input
              {...control}
              type="text"
              inputMode={type === 'amount' ? 'numeric' : undefined}
              value={draft[name]}
              onChange={(event) => set({ [name]: event.target.value })}
            />
          )
        }
      </Field>
    ) : null;

  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>Status</h2>
      <p>
        Søknaden er <strong>{GRANT_STATUS_LABELS[a.status].toLowerCase()}</strong>.
      </p>
      {done ? (
        <p role="status" className="alert alert-success">
          Søknaden er nå {GRANT_STATUS_LABELS[done].toLowerCase()}.
        </p>
      ) : null}
      {a.status === 'draft' && late ? (
        <p className="alert alert-warning">
          Søknadsfristen gikk ut {formatDate(a.scheme.applicationDeadline)}.{' '}
          {isAdmin ? 'Som administrator kan du sende den likevel, med en begrunnelse.' : 'Bare en administrator kan sende den nå, med en begrunnelse.'}
        </p>
      ) : null}
      {allowed.length === 0 ? (
        <p className="muted">Du kan ikke endre statusen på søknaden.</p>
      ) : (
        <>
          {blockedByUnsavedChanges ? (
            <p className="alert alert-info" id={`${id}-blocked`}>
              Lagre endringene i linjene før du endrer status.
            </p>
          ) : null}
          <div className="section-actions">
            {allowed.map((to) => (
              <button
                key={to}
                type="button"
                className={dangerous.includes(to) ? 'button button-danger' : 'button button-primary'}
                disabled={blockedByUnsavedChanges}
                aria-describedby={blockedByUnsavedChanges ? `${id}-blocked` : undefined}
                onClick={() => dialog.open(startDraft(to, a, today))}
              >
                {GRANT_TRANSITION_LABELS[to]}
              </button>
            ))}
          </div>
        </>
      )}

      <ConfirmDialog
        open={draft !== null}
        title={draft ? `${GRANT_TRANSITION_LABELS[draft.to]}?` : ''}
        confirmLabel={draft ? GRANT_TRANSITION_LABELS[draft.to] : ''}
        busy={mutation.isPending}
        confirmDisabled={Object.keys(dateErrors).length > 0}
        onConfirm={() => draft && Object.keys(dateErrors).length === 0 && dialog.confirm({ id: a.id, etag, body: transitionBody(draft) })}
        onCancel={close}
      >
        {draft ? (
          <>
            <p>
              {a.municipalityName} søker om {formatNok(a.totalNok)} i {a.scheme.name}. Status endres fra «{GRANT_STATUS_LABELS[a.status]}» til «
              {GRANT_STATUS_LABELS[draft.to]}».
            </p>
            {draft.to === 'submitted' ? (
              <p>Når søknaden sendes, fastsettes satsene, sentralitetsklassen og beløpene slik de står nå.</p>
            ) : null}
            {draft.to === 'submitted' && a.problems.length > 0 && !mutation.isError ? (
              <p className="alert alert-warning">Søknaden har {a.problems.length === 1 ? 'ett problem og kan ikke sendes før det er løst' : `${a.problems.length} problemer og kan ikke sendes før de er løst`}.</p>
            ) : null}
            {mutation.isError ? (
              <TransitionError error={mutation.error} statusLabel={statusLabel} describeMissing={transitionErrorText} subject="Søknaden" onReload={reload} />
            ) : null}
            {GRANT_DECISIONS.includes(draft.to) ? (
              <>
                {field('decisionDate', 'Vedtaksdato', 'date')}
                {field('decisionReference', 'Saksnummer hos Helsedirektoratet', 'text')}
              </>
            ) : null}
            {GRANTING_STATUSES.includes(draft.to)
              ? field(
                  'grantedNok',
                  'Innvilget beløp (kr)',
                  'amount',
                  draft.to === 'granted' ? `Hele beløpet det er søkt om: ${formatNok(a.totalNok)}` : `Mindre enn ${formatNok(a.totalNok)}`,
                )
              : null}
            {draft.to === 'paid' ? (
              <>
                {field('paidOn', 'Utbetalingsdato', 'date')}
                {field('paidNok', 'Utbetalt beløp (kr)', 'amount', `Høyst innvilget beløp: ${formatNok(a.grantedNok)}`)}
              </>
            ) : null}
            {field(
              'reason',
              draft.to === 'submitted' && late ? 'Begrunnelse for innsending etter fristen' : 'Begrunnelse',
              'text',
              draft.to === 'submitted' && late ? 'Påkrevd etter fristen' : 'Valgfritt; står i historikken',
            )}
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
