import { type SubmitEvent, type ReactNode, useEffect, useId, useRef } from 'react';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** The confirm button's text, e.g. "Send søknad". */
  confirmLabel: string;
  busy?: boolean;
  /** Set while the confirm button should not be used (a required field is empty …). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}

/**
 * A modal confirmation (the native `<dialog>`): focus moves into it, Escape and "Avbryt" close it,
 * and focus returns to where it was. Children are the dialog's text and any fields it asks for.
 */
export function ConfirmDialog({ open, title, confirmLabel, busy = false, confirmDisabled = false, onConfirm, onCancel, children }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    }
  }, [open]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy && !confirmDisabled) onConfirm();
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open ? (
        <form className="form" onSubmit={onSubmit} noValidate>
          <h2 id={titleId}>{title}</h2>
          {children}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy || confirmDisabled}>
              {busy ? 'Vent …' : confirmLabel}
            </button>
            <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
              Avbryt
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
