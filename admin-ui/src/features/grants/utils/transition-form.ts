import { type FieldError, GRANTING_STATUSES, GRANT_DECISIONS, type GrantApplication, type GrantApplicationStatus, type GrantTransitionRequest } from '@alis/shared';
import { fieldErrorText } from '../../../lib/field-error-text';
import { isIsoDate, parseWholeNumber } from '../../../lib/form';

/** What the transition dialog holds: everything any move may need, as typed. */
export interface TransitionDraft {
  to: GrantApplicationStatus;
  reason: string;
  decisionDate: string;
  decisionReference: string;
  grantedNok: string;
  paidOn: string;
  paidNok: string;
}

/** The dialog's starting values: today's date, the whole amount for a grant, the granted amount for a payment. */
export function startDraft(to: GrantApplicationStatus, application: GrantApplication, today: string): TransitionDraft {
  return {
    to,
    reason: '',
    decisionDate: today,
    decisionReference: '',
    grantedNok: to === 'granted' && application.totalNok !== null ? String(application.totalNok) : '',
    paidOn: today,
    paidNok: to === 'paid' && application.grantedNok !== null ? String(application.grantedNok) : '',
  };
}

const amount = (value: string) => {
  const parsed = parseWholeNumber(value.replace(/kr/gi, ''));
  return parsed === null ? undefined : parsed;
};
const text = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The body of the move: only the fields it takes (the API refuses another move's fields). */
export function transitionBody(draft: TransitionDraft): GrantTransitionRequest {
  const reason = text(draft.reason);
  const body: GrantTransitionRequest = { to: draft.to, ...(reason ? { reason } : {}) };
  if (GRANT_DECISIONS.includes(draft.to)) {
    Object.assign(body, { decisionDate: text(draft.decisionDate), decisionReference: text(draft.decisionReference) });
    if (GRANTING_STATUSES.includes(draft.to)) body.grantedNok = amount(draft.grantedNok);
  }
  if (draft.to === 'paid') Object.assign(body, { paidOn: text(draft.paidOn), paidNok: amount(draft.paidNok) });
  return JSON.parse(JSON.stringify(body)) as GrantTransitionRequest;
}

/**
 * The dates of a move checked before sending as the API checks them: a real day, not after today.
 * Only the dates the move takes.
 */
export function transitionDateErrors(draft: TransitionDraft, today: string): Partial<Record<keyof TransitionDraft, string>> {
  const fields: ('decisionDate' | 'paidOn')[] = [];
  if (GRANT_DECISIONS.includes(draft.to)) fields.push('decisionDate');
  if (draft.to === 'paid') fields.push('paidOn');
  const errors: Partial<Record<keyof TransitionDraft, string>> = {};
  for (const field of fields) {
    const value = draft[field].trim();
    if (value === '') continue;
    if (!isIsoDate(value)) errors[field] = 'Skriv datoen som dd.mm.åååå';
    else if (value > today) errors[field] = fieldErrorText({ path: field, code: 'in_future', message: '', params: { today } });
  }
  return errors;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  reason: 'Begrunnelse',
  decisionDate: 'Vedtaksdato',
  decisionReference: 'Saksnummer',
  grantedNok: 'Innvilget beløp',
  paidOn: 'Utbetalingsdato',
  paidNok: 'Utbetalt beløp',
  submittedOn: 'Innsending',
  kommunenummer: 'Kommunen',
  lines: 'Søknaden',
};

/** One entry of a refused move's `errors[]`, in Norwegian with what it concerns: «Linje 2: …», «Vedtaksdato: …». */
export function transitionErrorText(error: FieldError): string {
  const [field = '', index] = error.path.split('.');
  const where = field === 'lines' && index !== undefined ? `Linje ${Number(index) + 1}` : (FIELD_LABELS[field] ?? field);
  if (error.code === 'too_late' && field === 'submittedOn') {
    return `Søknadsfristen var ${error.params.latest.split('-').reverse().join('.')}; etter den kan bare en administrator sende søknaden, med en begrunnelse.`;
  }
  return where ? `${where}: ${fieldErrorText(error)}` : fieldErrorText(error);
}
