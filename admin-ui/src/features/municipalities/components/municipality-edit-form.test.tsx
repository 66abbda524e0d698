import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../../lib/session';
import { heroyNordland, jsonResponse, loginBody, problemResponse } from '../../../test/fixtures';
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
  beforeEach(() => {
    session.start(loginBody('tok'));
    return () => session.clear();
  });

  it('shows a Norwegian message next to an invalid organisation number and does not submit', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    renderForm(fetchMock);
    fireEvent.change(input('Organisasjonsnummer'), { target: { value: '123456789' } });
    save();
    const field = input('Organisasjonsnummer');
    await waitFor(() => expect(field).toHaveProperty('ariaInvalid', 'true'));
    const message = document.getElementById(field.getAttribute('aria-describedby')?.split(' ').pop() ?? '');
    expect(message?.textContent).toBe('Ugyldig organisasjonsnummer (9 siffer med kontrollsiffer)');
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

  it('shows the API field errors beside the fields on 400', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () =>
      problemResponse(400, 'validation_failed', { errors: [{ path: 'contactName', code: 'invalid', message: 'Navnet er opptatt', params: {} }] }),
    );
    renderForm(fetchMock);
    fireEvent.change(input('Navn'), { target: { value: 'Kari' } });
    save();
    await screen.findByText('Navnet er opptatt');
    expect(input('Navn').getAttribute('aria-invalid')).toBe('true');
  });

  it('explains a 412 and offers to reload', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => problemResponse(412, 'precondition_failed'));
    const fresh = { municipality: { ...heroyNordland, notes: 'Endret', version: 5 }, etag: '"v5"' };
    const { onReload } = renderForm(fetchMock, vi.fn<() => Promise<VersionedMunicipality | undefined>>(async () => fresh));
    fireEvent.change(input('Innbyggertall'), { target: { value: '1900' } });
    save();
    await screen.findByText(CONFLICT_MESSAGE);
    fireEvent.click(screen.getByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('Notater').value).toBe('Endret'));
    expect(onReload).toHaveBeenCalledOnce();
    expect(input('Innbyggertall').value).toBe('1700');
    expect(screen.queryByText(CONFLICT_MESSAGE)).toBeNull();
  });
});
