import {
  type AgreementStatus,
  type AgreementTransitionRequest,
  CLOSING_STATUSES,
  type EndReason,
  type FieldError,
  agreementTransitionRequest,
  endReasonsFor,
  fieldIssue,
} from '@alis/shared';
import { isApiError } from '../../../lib/api-error';
import { type FieldErrors, type Validation, isIsoDate, splitFieldErrors, validateWith } from '../../../lib/form';
import { labelOf } from '../../../lib/format';
import { END_REASON_LABELS } from '../../../entities/agreements/utils/labels';

/** What the dialog of a status change holds while it is open. */
export interface TransitionDraft {
  to: AgreementStatus;
  /** Closing (completed, terminated): the last day and why it ended. */
  endDate: string;
  endReason: EndReason | '';
  /** Cancelling a draft: why it is dropped. */
  reason: string;
  note: string;
}

export type TransitionField = 'endDate' | 'endReason' | 'reason' | 'note';
/** The dialog's fields in the order they are shown: the first with an error gets the focus. */
export const TRANSITION_FIELDS: readonly TransitionField[] = ['reason', 'endDate', 'endReason', 'note'];

export const closes = (to: AgreementStatus) => CLOSING_STATUSES.includes(to);

/** The dialog as it opens: a closing ends today, with the one reason that fits when there is only one (completed: the training). */
export function newTransitionDraft(to: AgreementStatus, today: string): TransitionDraft {
  const reasons = endReasonsFor(to);
  return { to, endDate: today, endReason: reasons.length === 1 ? (reasons[0] ?? '') : '', reason: '', note: '' };
}

/** Norwegian message for an error on a field of the dialog; the general text for the API's date rules. */
export function transitionMessageFor(field: TransitionField, issue: FieldError): string | undefined {
  if (field === 'endReason' && issue.code === 'invalid_value') {
    return `Velg en av: ${issue.params.allowed.map((reason) => labelOf(END_REASON_LABELS, String(reason))).join(', ')}`;
  }
  if (issue.code !== 'required' && issue.code !== 'missing' && issue.code !== 'too_small' && issue.code !== 'invalid_type') return undefined;
  switch (field) {
    case 'endDate':
      return 'Skriv inn sluttdatoen';
    case 'endReason':
      return 'Velg en sluttårsak';
    case 'reason':
      return 'Skriv hvorfor utkastet forkastes';
    case 'note':
      return undefined;
  }
}

/**
 * The body of `POST /agreements/{id}/transitions`, checked as the API will: a closing needs a last
 * day from the start to today and a reason that fits it (`endReasonsFor`); cancelling a draft needs
 * why. The date rules are worded as the API's `too_early` and `too_late` are.
 */
export function validateTransition(draft: TransitionDraft, startDate: string, today: string): Validation<AgreementTransitionRequest, TransitionField> {
  const rules: FieldError[] = [];
  const closing = closes(draft.to);
  if (closing) {
    if (!isIsoDate(draft.endDate)) rules.push(fieldIssue({ path: 'endDate', code: 'required', message: 'the last day is needed' }));
    else if (draft.endDate > today) {
      rules.push(fieldIssue({ path: 'endDate', code: 'too_late', message: 'on or before today', params: { latest: today, reference: 'today' } }));
    } else if (draft.endDate < startDate) {
      rules.push(fieldIssue({ path: 'endDate', code: 'too_early', message: 'on or after the start', params: { earliest: startDate, reference: 'startDate' } }));
    }
    if (!draft.endReason) rules.push(fieldIssue({ path: 'endReason', code: 'required', message: 'the reason is needed' }));
  }
  const cancelling = draft.to === 'cancelled';
  if (cancelling && draft.reason.trim() === '') rules.push(fieldIssue({ path: 'reason', code: 'required', message: 'why is needed' }));
  if (rules.length > 0) return { ok: false, ...splitFieldErrors(rules, TRANSITION_FIELDS, transitionMessageFor) };
  const note = draft.note.trim();
  const body = {
    to: draft.to,
    ...(closing ? { endDate: draft.endDate, endReason: draft.endReason } : {}),
    ...(cancelling ? { reason: draft.reason } : {}),
    ...(note ? { note } : {}),
  };
  return validateWith(agreementTransitionRequest, body, TRANSITION_FIELDS, transitionMessageFor);
}

/** The API's refusal, when everything it names is a field of the dialog: shown beside the fields. */
export function transitionFieldErrors(error: unknown): FieldErrors<TransitionField> | null {
  if (!isApiError(error) || (error.status !== 400 && error.status !== 422) || error.errors.length === 0) return null;
  const { fieldErrors, formErrors } = splitFieldErrors(error.errors, TRANSITION_FIELDS, transitionMessageFor);
  return formErrors.length === 0 ? fieldErrors : null;
}
