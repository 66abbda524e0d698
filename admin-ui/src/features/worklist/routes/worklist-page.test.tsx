import type { Worklist } from '@alis/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../../lib/session';
import { jsonResponse, loginBody } from '../../../test/fixtures';
import { requestBody, requestUrl } from '../../../test/helpers';
import { WorklistPage } from './worklist-page';

const worklist: Worklist = {
  officeCode: 'nord',
  today: '2026-11-30',
  items: [
    {
      type: 'auditor_certificate',
      dueDate: '2026-11-20',
      overdue: true,
      kommunenummer: '1818',
      municipalityName: 'Herøy',
      subject: { type: 'grant_application', id: '0b7c5a34-5b8e-4d57-9a43-1f0b6a1f2c01' },
      label: 'Nasjonal ALIS og veiledning 2025',
    },
    {
      type: 'agreement_ending',
      dueDate: '2027-02-01',
      overdue: false,
      kommunenummer: '1804',
      municipalityName: 'Bodø',
      subject: { type: 'agreement', id: '4f2d9e1a-8c3b-4e5f-a6b7-c8d9e0f1a2b3' },
      label: 'Kari Nordmann',
    },
    {
      type: 'veileder_over_capacity',
      dueDate: '2026-11-30',
      overdue: false,
      kommunenummer: '1804',
      municipalityName: 'Bodø',
      subject: { type: 'supervisor', id: '7a1e2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b' },
      label: 'Siri Veileder',
    },
  ],
};

function renderPage(fetchMock: ReturnType<typeof vi.fn<typeof fetch>>) {
  vi.stubGlobal('fetch', fetchMock);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>
        <WorklistPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('WorklistPage (Mine oppgaver) for an office user', () => {
  beforeEach(() => {
    const body = loginBody('tok');
    session.start({ ...body, user: { ...body.user, role: 'office', officeCode: 'nord' } });
    return () => session.clear();
  });

  it('groups the cases by what to do, links each to its case, marks the overdue and turns on the weekly e-mail', async () => {
    let weeklyDigest = false;
    const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
      const url = requestUrl(input);
      if (url.includes('/me/weekly-digest')) {
        if (init?.method === 'PUT') weeklyDigest = (JSON.parse(init.body as string) as { weeklyDigest: boolean }).weeklyDigest;
        return jsonResponse({ weeklyDigest, email: 'kontor@example.no' });
      }
      return jsonResponse(worklist);
    });
    renderPage(fetchMock);

    const certificates = await screen.findByRole('region', { name: /Revisorattest forfaller/ });
    const overdue = within(certificates).getByRole('link', { name: '20.11.2026: Herøy – Nasjonal ALIS og veiledning 2025' });
    expect(overdue.getAttribute('href')).toBe(`/tilskudd/${worklist.items[0]?.subject.id}`);
    expect(within(certificates).getByText('Forfalt')).toBeTruthy();
    const ending = screen.getByRole('region', { name: /avtaler som slutter/i });
    expect(within(ending).getByRole('link', { name: '01.02.2027: Bodø – Kari Nordmann' }).getAttribute('href')).toBe(`/avtaler/${worklist.items[1]?.subject.id}`);
    const busy = screen.getByRole('region', { name: /Veiledere med flere ALIS enn kapasiteten/ });
    expect(within(busy).getByRole('link', { name: '30.11.2026: Bodø – Siri Veileder' }).getAttribute('href')).toBe(`/veiledere/${worklist.items[2]?.subject.id}`);
    expect(screen.getByText('3 saker per 30.11.2026, sortert etter frist.')).toBeTruthy();

    const toggle = await screen.findByRole('checkbox', { name: /Send meg oppgavelisten på e-post hver mandag \(kontor@example.no\)/ });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    await vi.waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true));
    const put = fetchMock.mock.calls.findIndex(([, init]) => init?.method === 'PUT');
    expect(requestBody(fetchMock, put)).toEqual({ weeklyDigest: true });
  });

  it('says when there is nothing to do', async () => {
    renderPage(vi.fn<typeof fetch>(async (input) => (requestUrl(input).includes('/me/weekly-digest') ? jsonResponse({ weeklyDigest: true, email: 'k@example.no' }) : jsonResponse({ ...worklist, items: [] }))));
    expect(await screen.findByText('Ingen saker trenger oppfølging nå.')).toBeTruthy();
  });

  it('shows a failure with a way to try again', async () => {
    renderPage(
      vi.fn<typeof fetch>(async (input) =>
        requestUrl(input).includes('/me/weekly-digest')
          ? jsonResponse({ weeklyDigest: false, email: 'k@example.no' })
          : jsonResponse({ type: 'about:blank', title: 'Service unavailable', status: 503, code: 'service_unavailable', detail: 'down' }, { status: 503, headers: { 'content-type': 'application/problem+json' } }),
      ),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Kunne ikke hente oppgavene');
    expect(within(alert).getByRole('button', { name: /Prøv igjen/ })).toBeTruthy();
  });
});
