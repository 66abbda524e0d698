import { fieldIssue } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { grantApplicationFixture } from '../../../test/grant-fixtures';
import { startDraft, transitionBody, transitionErrorText } from './transition-form';

const submitted = grantApplicationFixture({ status: 'submitted', totalNok: 412_000 });

describe('the transition dialog', () => {
  it('starts a grant at the whole amount and a payment at the granted one', () => {
    expect(startDraft('granted', submitted, '2027-05-01')).toMatchObject({ grantedNok: '412000', decisionDate: '2027-05-01' });
    expect(startDraft('partially_granted', submitted, '2027-05-01').grantedNok).toBe('');
    expect(startDraft('paid', { ...submitted, status: 'granted', grantedNok: 300_000 }, '2027-06-01')).toMatchObject({ paidNok: '300000', paidOn: '2027-06-01' });
  });

  it('sends only the fields the move takes, amounts as numbers', () => {
    const draft = { ...startDraft('partially_granted', submitted, '2027-05-01'), decisionReference: ' 27/1 ', grantedNok: '300 000', paidNok: '5' };
    expect(transitionBody(draft)).toEqual({ to: 'partially_granted', decisionDate: '2027-05-01', decisionReference: '27/1', grantedNok: 300_000 });
    expect(transitionBody({ ...draft, to: 'rejected' })).toEqual({ to: 'rejected', decisionDate: '2027-05-01', decisionReference: '27/1' });
    expect(transitionBody({ ...draft, to: 'paid', paidNok: '300000' })).toEqual({ to: 'paid', paidOn: '2027-05-01', paidNok: 300_000 });
    expect(transitionBody({ ...draft, to: 'submitted', reason: 'Utsatt frist' })).toEqual({ to: 'submitted', reason: 'Utsatt frist' });
  });

  it('says what a refusal concerns', () => {
    expect(transitionErrorText(fieldIssue({ path: 'lines.1.months', code: 'not_eligible', message: 'x', params: { problem: 'months_out_of_range', months: 13 } }))).toBe(
      'Linje 2: 13 måneder er utenfor 1–12.',
    );
    expect(transitionErrorText(fieldIssue({ path: 'decisionDate', code: 'required', message: 'x' }))).toBe('Vedtaksdato: Må fylles ut');
    expect(transitionErrorText(fieldIssue({ path: 'submittedOn', code: 'too_late', message: 'x', params: { latest: '2027-03-01', reference: 'applicationDeadline' } }))).toBe(
      'Søknadsfristen var 01.03.2027; etter den kan bare en administrator sende søknaden, med en begrunnelse.',
    );
  });
});
