import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { heroyNordland, jsonResponse, qualifiedSupervisor } from '../../../test/fixtures';
import { requestUrl, signInForEachTest } from '../../../test/helpers';
import { SupervisorPage } from './supervisor-page';

function renderPage(supervisor: typeof qualifiedSupervisor) {
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input) =>
      requestUrl(input).includes('/supervisors/')
        ? jsonResponse({ ...supervisor, supervisions: [] }, { headers: { etag: '"v1"' } })
        : jsonResponse(heroyNordland, { headers: { etag: '"v3"' } }),
    ),
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[`/veiledere/${supervisor.id}`]}>
        <Routes>
          <Route path="/veiledere/:id" element={<SupervisorPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('SupervisorPage', () => {
  signInForEachTest();

  it('asks for the approval date of a specialist who has none, and the link takes the focus to the field', async () => {
    renderPage({ ...qualifiedSupervisor, specialistApprovedOn: null });
    const notice = await screen.findByTestId('missing-approval-date');
    expect(notice.textContent).toContain('Spesialistgodkjent dato mangler – fyll den inn, så regnes veilederkvalifikasjonen riktig over tid.');
    fireEvent.click(screen.getByRole('link', { name: 'Fyll inn spesialistgodkjent dato' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Spesialistgodkjent dato', { exact: true }));
  });

  it('does not ask when the date is known', async () => {
    renderPage(qualifiedSupervisor);
    await screen.findByRole('heading', { level: 1, name: qualifiedSupervisor.name });
    expect(screen.queryByTestId('missing-approval-date')).toBeNull();
  });
});
