import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { heroyNordland, jsonResponse, problemResponse } from '../../../test/fixtures';
import { fieldErrorOf, signInForEachTest } from '../../../test/helpers';
import type { VersionedMunicipality } from '../../../entities/municipalities/api/get-municipality';
import { CONFLICT_MESSAGE, MunicipalityEditForm } from './municipality-edit-form';

function renderForm(
  fetchMock: typeof fetch,
  onReload = vi.fn<() => Promise<VersionedMunicipality | undefined>>(async () => undefined),
) {
  vi.stubGlobal('fetch', fetchMock);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MunicipalityEditForm municipality={heroyNordland} etag={'"v3"'} canChangeOffice={false} offices={[]} onReload={onReload} />
    </QueryClientProvider>,
  );
  return { queryClient, onReload };
}

const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label, { exact: true });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));

describe('MunicipalityEditForm', () => {
  signInForEachTest();

  it('shows a Norwegian message next to an invalid organisation number and does not submit', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    renderForm(fetchMock);
    fireEvent.change(input('Organisasjonsnummer'), { target: { value: '123456789' } });
    save();
    const field = input('Organisasjonsnummer');
    await waitFor(() => expect(field).toHaveProperty('ariaInvalid', 'true'));
    expect(fieldErrorOf(field)).toBe('Ugyldig organisasjonsnummer (9 siffer med kontrollsiffer)');
    expect(document.activeElement).toBe(field);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('PATCHes only the changed fields with If-Match and says "Lagret"', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () =>
      jsonResponse({ ...heroyNordland, population: 1800, version: 4 }, { headers: { etag: '"v4"' } }),
    );
    renderForm(fetchMock);
    fireEvent.change(input('Innbyggertall'), { target: { value: '1800' } });
    save();
    await screen.findByText('Lagret');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/municipalities/1818');
    expect(init?.method).toBe('PATCH');
    expect(init?.headers).toMatchObject({ 'if-match': '"v3"', authorization: 'Bearer tok', 'content-type': 'application/json' });
    expect(JSON.parse(init?.body as string)).toEqual({ population: 1800 });
  });

  it('shows the API field errors beside the fields on 400, worded from their code', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () =>
      problemResponse(400, 'validation_failed', { errors: [{ path: 'contactName', code: 'invalid', message: 'Navnet er opptatt', params: {} }] }),
    );
    renderForm(fetchMock);
    fireEvent.change(input('Navn'), { target: { value: 'Kari' } });
    save();
    await screen.findByText('Ugyldig navn');
    expect(input('Navn').getAttribute('aria-invalid')).toBe('true');
    // The API's own `message` is for developers; the app says it from the code.
    expect(screen.queryByText('Navnet er opptatt')).toBeNull();
  });

  it('explains a 412 and offers to reload', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => problemResponse(412, 'precondition_failed'));
    const fresh = { value: { ...heroyNordland, notes: 'Endret', version: 5 }, etag: '"v5"' };
    const { onReload } = renderForm(fetchMock, vi.fn<() => Promise<VersionedMunicipality | undefined>>(async () => fresh));
    fireEvent.change(input('Innbyggertall'), { target: { value: '1900' } });
    save();
    await screen.findByText(CONFLICT_MESSAGE);
    fireEvent.click(screen.getByRole('button', { name: 'Forkast mine endringer' }));
    await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('Notater').value).toBe('Endret'));
    expect(onReload).toHaveBeenCalledOnce();
    expect(input('Innbyggertall').value).toBe('1700');
    expect(screen.queryByText(CONFLICT_MESSAGE)).toBeNull();
  });

  it('after a 412 shows the saved value beside the user\'s where they differ, and saves the user\'s choice against the new version', async () => {
    const fresh = { value: { ...heroyNordland, population: 1800, notes: 'Endret', version: 5 }, etag: '"v5"' };
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(problemResponse(412, 'precondition_failed'))
      .mockResolvedValueOnce(jsonResponse({ ...fresh.value, contactName: 'Kari', version: 6 }, { headers: { etag: '"v6"' } }));
    const { onReload } = renderForm(fetchMock, vi.fn<() => Promise<VersionedMunicipality | undefined>>(async () => fresh));
    fireEvent.change(input('Innbyggertall'), { target: { value: '1900' } });
    fireEvent.change(input('Navn'), { target: { value: 'Kari' } });
    save();

    const conflict = await screen.findByTestId('conflict');
    expect(conflict.textContent).toContain(CONFLICT_MESSAGE);
    expect(onReload).toHaveBeenCalledOnce();
    // What only the other person changed is taken in; what the user typed stays, with the saved value beside it.
    expect(screen.getByLabelText<HTMLTextAreaElement>('Notater').value).toBe('Endret');
    expect(input('Innbyggertall').value).toBe('1900');
    const items = within(conflict).getAllByRole('listitem');
    expect(items.map((item) => item.textContent.replace(/\s*Bruk den lagrede verdien\s*Behold min verdi$/, ''))).toEqual([
      'Innbyggertall: din verdi «1900», lagret av en annen «1800»',
      'Navn: din verdi «Kari», lagret av en annen «(tomt)»',
    ]);

    fireEvent.click(within(items[0] as HTMLElement).getByRole('button', { name: 'Bruk den lagrede verdien' }));
    expect(input('Innbyggertall').value).toBe('1800');
    save();
    await screen.findByText('Lagret');
    const [, init] = fetchMock.mock.calls[1] ?? [];
    expect(init?.headers).toMatchObject({ 'if-match': '"v5"' });
    expect(JSON.parse(init?.body as string)).toEqual({ contactName: 'Kari' });
  });
});
