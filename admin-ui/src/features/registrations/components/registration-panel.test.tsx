import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { registrationKeys } from '../../../entities/registrations/api/keys';
import { draftRegistration, jsonResponse } from '../../../test/fixtures';
import { requestUrl, signInForEachTest } from '../../../test/helpers';
import { RegistrationPanel } from './registration-panel';

describe('RegistrationPanel per specialty', () => {
  signInForEachTest();

  it('shows the ALM and SAM registrations side by side, each from its own request and cache entry', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (input) => {
      const url = new URL(requestUrl(input), 'http://localhost');
      const specialty = url.searchParams.get('specialty');
      if (url.pathname.endsWith('/history')) return jsonResponse({ items: [], nextCursor: null });
      return specialty === 'SAM'
        ? jsonResponse({ ...draftRegistration, specialty: 'SAM', status: 'not_registered', allowedTransitions: ['preparing'] }, { headers: { etag: '"v0"' } })
        : jsonResponse({ ...draftRegistration, status: 'applied', applicationDate: '2025-01-15', allowedTransitions: [] }, { headers: { etag: '"v3"' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <RegistrationPanel kommunenummer="1818" specialty="ALM" canEditApplication={false} />
        <RegistrationPanel kommunenummer="1818" specialty="SAM" canEditApplication={false} />
      </QueryClientProvider>,
    );
    const alm = screen.getByRole('region', { name: 'Registrering som utdanningsvirksomhet' });
    const sam = screen.getByRole('region', { name: 'Registrering for samfunnsmedisin (SAM)' });
    expect(await within(alm).findByText('Søkt')).toBeTruthy();
    expect(await within(sam).findByText('Ikke registrert')).toBeTruthy();
    expect(within(sam).getByText(/bare registreringen i allmennmedisin \(ALM\) gir varsler på ALIS-avtalene/)).toBeTruthy();
    expect(within(sam).getByRole('button', { name: 'Start forberedelse av søknad' })).toBeTruthy();
    expect(within(alm).queryByRole('button', { name: 'Start forberedelse av søknad' })).toBeNull();

    const urls = fetchMock.mock.calls.map(([input]) => requestUrl(input));
    expect(urls).toEqual(
      expect.arrayContaining([
        '/api/v1/municipalities/1818/registration?specialty=ALM',
        '/api/v1/municipalities/1818/registration?specialty=SAM',
        '/api/v1/municipalities/1818/registration/history?specialty=SAM&limit=20',
      ]),
    );
    expect(queryClient.getQueryData(registrationKeys.detail('1818', 'SAM'))).toMatchObject({ value: { specialty: 'SAM' } });
    expect(queryClient.getQueryData(registrationKeys.detail('1818', 'ALM'))).toMatchObject({ value: { specialty: 'ALM' } });
  });
});
