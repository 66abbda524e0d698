import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../../lib/session';
import { jsonResponse, loginBody, problemResponse } from '../../../test/fixtures';
import { grantApplicationFixture } from '../../../test/grant-fixtures';
import { ApplicationProblems, LinesEditor, LinesTable, useLinesForm } from './application-lines';
import { ApplicationTransitions } from './application-transitions';

const nb = (value: number) => new Intl.NumberFormat('nb-NO').format(value);

function wrap(children: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>,
  );
}

function Editor() {
  const application = grantApplicationFixture();
  const form = useLinesForm(application, '"v2"', async () => undefined);
  return <LinesEditor application={application} form={form} />;
}

describe('the lines of an application', () => {
  beforeEach(() => {
    session.start(loginBody('tok'));
    return () => session.clear();
  });

  it('explains each amount and shows each problem in Norwegian next to its line', () => {
    wrap(<LinesTable application={grantApplicationFixture()} />);
    const rows = within(screen.getByTestId('grant-lines')).getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toContain(`sats ${nb(412_000)} kr × 80 % × 9/12`);
    expect(rows[0]?.textContent).toContain(`${nb(247_200)} kr`);
    expect(within(rows[0] as HTMLElement).queryByTestId('line-problems')).toBeNull();
    expect(within(rows[1] as HTMLElement).getByTestId('line-problems').textContent).toBe('13 måneder er utenfor 1–12.');
    expect(screen.queryByText('13 months is outside 1–12.')).toBeNull();
  });

  it('says how many problems stop the application', () => {
    wrap(<ApplicationProblems application={grantApplicationFixture()} />);
    expect(screen.getByRole('region', { name: 'Problemer' }).textContent).toContain('Ett problem må løses før søknaden kan sendes; de som gjelder en linje, står ved linjen.');
  });

  it('removes a line and saves every line against the version it started from', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (_url, init) => {
      const body = JSON.parse(init?.body as string) as { lines: unknown[] };
      expect(body.lines).toHaveLength(1);
      return jsonResponse(grantApplicationFixture({ lines: grantApplicationFixture().lines.slice(0, 1), problems: [], version: 3 }), { headers: { etag: '"v3"' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    wrap(<Editor />);
    fireEvent.change(screen.getByLabelText('Måneder, linje 1'), { target: { value: '6' } });
    // The changed line's amount by the shared rule, before saving.
    expect(screen.getByTestId('grant-lines').textContent).toContain(`${nb(164_800)} kr`);
    fireEvent.change(screen.getByLabelText('Måneder, linje 1'), { target: { value: '9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Fjern linje 2 (Ola Veiledet)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lagre linjene' }));
    await screen.findByText('Linjene er lagret.');
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(init?.method).toBe('PATCH');
    expect((init?.headers as Record<string, string>)['if-match']).toBe('"v2"');
  });

  it('lists why a submission was refused, line by line', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () =>
        problemResponse(422, 'unprocessable', {
          errors: [{ path: 'lines.1.months', code: 'not_eligible', message: 'x', params: { problem: 'months_out_of_range', months: 13 } }],
        }),
      ),
    );
    wrap(<ApplicationTransitions application={grantApplicationFixture()} etag={'"v2"'} isAdmin={false} blockedByUnsavedChanges={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send søknaden' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Søknaden har ett problem og kan ikke sendes før det er løst.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send søknaden' }));
    expect((await within(dialog).findByTestId('transition-error')).textContent).toContain('Linje 2: 13 måneder er utenfor 1–12.');
  });
});
