import { DateInput } from '../../../components/date-input';
import { REGISTRATION_DECISIONS, type Registration, type RegistrationStatus, registeredFromDate, todayInNorway } from '@alis/shared';
import { useId } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Field } from '../../../components/field';
import { TransitionError } from '../../../components/transition-error';
import { isIsoDate } from '../../../lib/form';
import { formatDate, labelOf } from '../../../lib/format';
import { useRegistrationHistory } from '../../../entities/registrations/api/get-registration-history';
import { registrationKeys } from '../../../entities/registrations/api/keys';
import { type TransitionRegistrationInput, useTransitionRegistration } from '../../../entities/registrations/api/transition-registration';
import { useTransitionDialog } from '../../../lib/use-transition-dialog';
import { missingLabel } from '../utils/registration-form';
import {
  REGISTRATION_STATUS_LABELS,
  noTransitionText,
  transitionDateLabel,
  transitionDateProblem,
  transitionExplanation,
  transitionLabel,
} from '../utils/status';

interface RegistrationTransitionsProps {
  registration: Registration;
  etag: string | null;
  /** Unsaved changes in the application: they must be saved before the status changes. */
  blockedByUnsavedChanges: boolean;
}

const statusLabel = (status: string) => labelOf(REGISTRATION_STATUS_LABELS, status);

interface Draft {
  to: RegistrationStatus;
  date: string;
  note: string;
  decisionReference: string;
}

/** Buttons for the transitions the API allows this user now, each behind a confirmation with an optional date and note. */
export function RegistrationTransitions({ registration, etag, blockedByUnsavedChanges }: RegistrationTransitionsProps) {
  const id = useId();
  const mutation = useTransitionRegistration();
  const dialog = useTransitionDialog<RegistrationStatus, Draft, TransitionRegistrationInput>(mutation, registrationKeys.detail(registration.kommunenummer, registration.specialty));
  const { draft, done, close, reload } = dialog;
  const setDraft = (next: Draft) => dialog.edit(next);
  const allowed = registration.allowedTransitions;
  const arenaNames = registration.learningArenas.map((arena) => arena.name);

  const open = (to: RegistrationStatus) => dialog.open({ to, date: '', note: '', decisionReference: '' });
  const history = useRegistrationHistory(registration.kommunenummer, registration.specialty);
  const loadedHistory = history.data?.pages.flatMap((page) => page.items) ?? [];
  const dateError = draft ? transitionDateProblem(draft.date, draft.to, todayInNorway(), loadedHistory) : undefined;
  const confirm = () => {
    if (!draft || dateError) return;
    const note = draft.note.trim();
    const decisionReference = REGISTRATION_DECISIONS.includes(draft.to) ? draft.decisionReference.trim() : '';
    dialog.confirm({
      kommunenummer: registration.kommunenummer,
      specialty: registration.specialty,
      etag,
      body: { to: draft.to, ...(draft.date ? { date: draft.date } : {}), ...(note ? { note } : {}), ...(decisionReference ? { decisionReference } : {}) },
    });
  };

  const effectiveDate = draft?.date && isIsoDate(draft.date) ? draft.date : todayInNorway();

  return (
    <div className="registration-transitions">
      {done ? (
        <p role="status" className="alert alert-success">
          Statusen er endret til «{REGISTRATION_STATUS_LABELS[done]}».
        </p>
      ) : null}
      {allowed.length === 0 ? (
        <p className="muted">{noTransitionText(registration.status)}</p>
      ) : (
        <>
          {blockedByUnsavedChanges ? (
            <p className="alert alert-info" id={`${id}-blocked`}>
              Lagre endringene i søknaden før du endrer status.
            </p>
          ) : null}
          <div className="section-actions">
            {allowed.map((to) => (
              <button
                key={to}
                type="button"
                className={to === 'rejected' || to === 'deregistered' ? 'button button-danger' : 'button button-primary'}
                disabled={blockedByUnsavedChanges}
                aria-describedby={blockedByUnsavedChanges ? `${id}-blocked` : undefined}
                onClick={() => open(to)}
              >
                {transitionLabel(registration.status, to)}
              </button>
            ))}
          </div>
        </>
      )}

      <ConfirmDialog
        open={draft !== null}
        title={draft ? `${transitionLabel(registration.status, draft.to)}?` : ''}
        confirmLabel={draft ? transitionLabel(registration.status, draft.to) : ''}
        busy={mutation.isPending}
        confirmDisabled={Boolean(dateError)}
        onConfirm={confirm}
        onCancel={close}
      >
        {draft ? (
          <>
            <p>
              Status endres fra «{REGISTRATION_STATUS_LABELS[registration.status]}» til «{REGISTRATION_STATUS_LABELS[draft.to]}».{' '}
              {transitionExplanation(draft.to, registration.specialty)}
            </p>
            {draft.to === 'applied' && registration.missingForApplication.length > 0 && !mutation.isError ? (
              <div className="alert alert-warning">
                <p className="alert-title">Søknaden er ikke komplett:</p>
                <ul>
                  {registration.missingForApplication.map((item) => (
                    <li key={item.path}>{missingLabel(item, arenaNames)}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {mutation.isError ? (
              <TransitionError
                error={mutation.error}
                statusLabel={statusLabel}
                describeMissing={(item) => missingLabel(item, arenaNames)}
                subject="Registreringen"
                onReload={reload}
              />
            ) : null}
            <Field id={`${id}-date`} label={transitionDateLabel(draft.to)} hint="Valgfritt. Tomt betyr i dag." error={dateError}>
              {(control) => (
                <DateInput {...control} value={draft.date} onChange={(date) => setDraft({ ...draft, date })} />
              )}
            </Field>
            {draft.to === 'applied' ? (
              <p className="preview" aria-live="polite">
                Registreringen regnes fra <strong>{formatDate(registeredFromDate(effectiveDate))}</strong>.
              </p>
            ) : null}
            {draft.to === 'registered' && registration.applicationDate ? (
              <p className="preview">
                Søknaden ble sendt {formatDate(registration.applicationDate)}, så registreringen gjelder fra{' '}
                <strong>{formatDate(registeredFromDate(registration.applicationDate))}</strong>.
              </p>
            ) : null}
            {REGISTRATION_DECISIONS.includes(draft.to) ? (
              <Field id={`${id}-reference`} label="Saksnummer hos Helsedirektoratet" hint="Valgfritt">
                {(control) => (
                  <input {...control} maxLength={200} value={draft.decisionReference} onChange={(event) => setDraft({ ...draft, decisionReference: event.target.value })} />
                )}
              </Field>
            ) : null}
            <Field id={`${id}-note`} label="Merknad" hint="Valgfritt">
              {(control) => (
                <textarea {...control} rows={3} maxLength={2000} value={draft.note} onChange={(event) => setDraft({ ...draft, note: event.target.value })} />
              )}
            </Field>
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
