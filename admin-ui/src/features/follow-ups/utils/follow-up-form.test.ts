import { describe, expect, it } from 'vitest';
import { emptyFollowUpForm, validateFollowUp } from './follow-up-form';

describe('the follow-up form', () => {
  it('needs a summary, and sends empty fields as null', () => {
    const empty = validateFollowUp({ ...emptyFollowUpForm(), date: '2026-03-01' });
    expect(empty.ok ? {} : empty.fieldErrors).toEqual({ summary: 'Skriv et kort referat' });
    const filled = validateFollowUp({ ...emptyFollowUpForm(), date: '2026-03-01', summary: 'Møte om søknaden', nextFollowUpOn: '2026-04-01' });
    expect(filled.ok && filled.data).toEqual({
      date: '2026-03-01',
      kind: 'meeting',
      participants: null,
      summary: 'Møte om søknaden',
      agreedActions: null,
      nextFollowUpOn: '2026-04-01',
      done: false,
    });
  });
});
