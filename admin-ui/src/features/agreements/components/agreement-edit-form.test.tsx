import { plannedEndDate, todayInNorway } from '@alis/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { activeAgreement, jsonResponse, problemResponse } from '../../../test/fixtures';
import { fieldErrorOf, requestBody, signInForEachTest } from '../../../test/helpers';
import { AgreementEditForm } from './agreement-edit-form';

function renderForm(agreement: typeof activeAgreement, fetchMock: typeof fetch) {
  vi.stubGlobal('fetch', fetchMock);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AgreementEditForm agreement={agreement} etag={'"v4"'} absences={[]} onReload={async () => undefined} />
    </QueryClientProvider>,
  );
}

const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label, { exact: true });

describe('AgreementEditForm', () => {
  signInForEachTest();

  it('asks from when a new share of an active agreement holds, and sends both', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => jsonResponse({ ...activeAgreement, version: 5 }, { headers: { etag: '"v5"' } }));
    renderForm(activeAgreement, fetchMock);
    expect(screen.queryByLabelText('Gjelder fra')).toBeNull();

    fireEvent.change(input('Stillingsprosent'), { target: { value: '50' } });
    expect(input('Gjelder fra').value).toBe(todayInNorway().split('-').reverse().join('.'));
    fireEvent.change(input('Gjelder fra'), { target: { value: '2025-07-01' } });
    const shares = [{ from: '2024-01-01', percent: 100 }, { from: '2025-07-01', percent: 50 }];
    const preview = screen.getByTestId('planned-end-preview').textContent;
    expect(preview).toContain(plannedEndDate('2024-01-01', shares).split('-').reverse().join('.'));
    expect(preview).toContain('stillingsandelen over tid');

    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await screen.findByText('Lagret');
    expect(requestBody(fetchMock)).toEqual({ positionPercent: 50, positionPercentFrom: '2025-07-01' });
  });

  it("shows the API's too_early on \"Gjelder fra\" beside the field", async () => {
    const fetchMock = vi.fn<typeof fetch>(async () =>
      problemResponse(400, 'validation_failed', {
        errors: [{ path: 'positionPercentFrom', code: 'too_early', message: 'x', params: { earliest: '2024-01-01', reference: 'startDate' } }],
      }),
    );
    renderForm(activeAgreement, fetchMock);
    fireEvent.change(input('Stillingsprosent'), { target: { value: '60' } });
    fireEvent.change(input('Gjelder fra'), { target: { value: '2023-06-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    const field = input('Gjelder fra');
    await waitFor(() => expect(fieldErrorOf(field)).toBe('Kan ikke være før startdatoen (01.01.2024)'));
    expect(document.activeElement).toBe(field);
  });

  it('gives a draft its new share from the start, without asking', async () => {
    const draft = { ...activeAgreement, status: 'draft' as const };
    const fetchMock = vi.fn<typeof fetch>(async () => jsonResponse({ ...draft, version: 5 }, { headers: { etag: '"v5"' } }));
    renderForm(draft, fetchMock);
    fireEvent.change(input('Stillingsprosent'), { target: { value: '80' } });
    expect(screen.queryByLabelText('Gjelder fra')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await screen.findByText('Lagret');
    expect(requestBody(fetchMock)).toEqual({ positionPercent: 80, positionPercentFrom: '2024-01-01' });
  });
});
