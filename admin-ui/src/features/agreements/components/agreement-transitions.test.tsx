import { todayInNorway } from '@alis/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { activeAgreement, jsonResponse, problemResponse } from '../../../test/fixtures';
import { fieldErrorOf, requestBody, signInForEachTest } from '../../../test/helpers';
import { AgreementTransitions } from './agreement-transitions';

const draftAgreement = { ...activeAgreement, status: 'draft' as const };

function renderTransitions(agreement: typeof activeAgreement, fetchMock: typeof fetch) {
  vi.stubGlobal('fetch', fetchMock);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AgreementTransitions agreement={agreement} etag={'"v4"'} />
    </QueryClientProvider>,
  );
}


describe('AgreementTransitions', () => {
  signInForEachTest();

  it('cancels a draft only with a reason, and sends it', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () =>
      jsonResponse({ ...draftAgreement, status: 'cancelled', cancellationReason: 'Legen takket nei' }, { headers: { etag: '"v5"' } }),
    );
    renderTransitions(draftAgreement, fetchMock);
    fireEvent.click(screen.getByRole('button', { name: 'Forkast utkastet' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/forkastes og blir aldri aktivt/)).toBeTruthy();
    expect(within(dialog).queryByLabelText('Merknad')).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Forkast utkastet' }));
    const reason = within(dialog).getByLabelText('Hvorfor forkastes utkastet?');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect(fieldErrorOf(reason)).toBe('Skriv hvorfor utkastet forkastes');
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(reason, { target: { value: '  Legen takket nei  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Forkast utkastet' }));
    await screen.findByText('Avtalen er nå forkastet.');
    expect(requestBody(fetchMock)).toEqual({ to: 'cancelled', reason: 'Legen takket nei' });
    expect(fetchMock.mock.calls[0]?.[1]?.headers).toMatchObject({ 'if-match': '"v4"' });
  });

  it('offers only the end reasons that fit: completing is completed training', () => {
    renderTransitions(activeAgreement, vi.fn<typeof fetch>());
    fireEvent.click(screen.getByRole('button', { name: 'Fullfør avtalen' }));
    const completing = within(screen.getByRole('dialog')).getByLabelText<HTMLSelectElement>('Sluttårsak');
    expect([...completing.options].map((option) => option.text)).toEqual(['Spesialiseringen er fullført']);
    expect(completing.value).toBe('completed_training');
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Avbryt' }));

    fireEvent.click(screen.getByRole('button', { name: 'Avslutt avtalen før tiden' }));
    const terminating = within(screen.getByRole('dialog')).getByLabelText<HTMLSelectElement>('Sluttårsak');
    expect([...terminating.options].map((option) => option.text)).toEqual([
      'Velg sluttårsak',
      'Legen sluttet i stillingen',
      'Ikke innvilget statlig tilskudd',
      'Annen grunn',
    ]);
  });

  it('refuses an end date after today beside the field, before sending', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    renderTransitions(activeAgreement, fetchMock);
    fireEvent.click(screen.getByRole('button', { name: 'Fullfør avtalen' }));
    const dialog = screen.getByRole('dialog');
    const endDate = within(dialog).getByLabelText('Sluttdato');
    fireEvent.change(endDate, { target: { value: '2999-01-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fullfør avtalen' }));
    await waitFor(() => expect(document.activeElement).toBe(endDate));
    const today = todayInNorway().split('-').reverse().join('.');
    expect(fieldErrorOf(endDate)).toBe(`Kan ikke være etter i dag (${today})`);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the API's 422 on the end date and reason beside the fields, in Norwegian", async () => {
    const fetchMock = vi.fn<typeof fetch>(async () =>
      problemResponse(422, 'unprocessable', {
        errors: [
          { path: 'endDate', code: 'too_late', message: 'on or before today', params: { latest: '2025-06-30', reference: 'today' } },
          { path: 'endReason', code: 'invalid_value', message: 'x', params: { allowed: ['left_position', 'no_grant', 'other'] } },
        ],
      }),
    );
    renderTransitions(activeAgreement, fetchMock);
    fireEvent.click(screen.getByRole('button', { name: 'Avslutt avtalen før tiden' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Sluttårsak'), { target: { value: 'left_position' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avslutt avtalen før tiden' }));
    await within(dialog).findByText('Statusen ble ikke endret. Rett opp feltene som er merket.');
    expect(fieldErrorOf(within(dialog).getByLabelText('Sluttdato'))).toBe('Kan ikke være etter i dag (30.06.2025)');
    expect(fieldErrorOf(within(dialog).getByLabelText('Sluttårsak'))).toBe('Velg en av: Legen sluttet i stillingen, Ikke innvilget statlig tilskudd, Annen grunn');
    expect(requestBody(fetchMock)).toEqual({ to: 'terminated', endDate: todayInNorway(), endReason: 'left_position' });
  });
});
