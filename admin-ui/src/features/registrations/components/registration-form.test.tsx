import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { draftRegistration, jsonResponse, problemResponse } from '../../../test/fixtures';
import { signInForEachTest } from '../../../test/helpers';
import { RegistrationForm } from './registration-form';
import { RegistrationTransitions } from './registration-transitions';

function renderForm(fetchMock: typeof fetch) {
  vi.stubGlobal('fetch', fetchMock);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <RegistrationForm
        idPrefix="reg"
        registration={draftRegistration}
        etag={'"v2"'}
        onReload={async () => undefined}
        onDirtyChange={() => undefined}
      />
    </QueryClientProvider>,
  );
}

const checklist = () => screen.getByTestId('application-checklist');
const missingItems = () => within(checklist()).queryAllByTestId('missing-item').map((item) => item.textContent);
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });

describe('RegistrationForm', () => {
  signInForEachTest();

  it('updates the checklist live as the application is filled in, and saves only the changes', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (_url, init) =>
      jsonResponse(
        { ...draftRegistration, ...(JSON.parse(init?.body as string) as object), missingForApplication: [], version: 3 },
        { headers: { etag: '"v3"' } },
      ),
    );
    renderForm(fetchMock);
    expect(missingItems()).toEqual([
      'Utdanningsansvarlig er ikke oppgitt',
      'Lenke til generell utdanningsplan mangler',
      'Hvordan veiledning og supervisjon er organisert, er ikke beskrevet',
      'Minst én læringsarena må være oppgitt',
    ]);

    type('Utdanningsansvarlig', 'Kari Nordmann');
    type('Lenke til generell utdanningsplan', 'https://heroy.kommune.no/alis');
    type('Organisering av veiledning og supervisjon', 'Individuell veileder.');
    expect(missingItems()).toEqual(['Minst én læringsarena må være oppgitt']);

    fireEvent.click(screen.getByRole('button', { name: 'Legg til læringsarena' }));
    type('Navn på læringsarena', 'Legevakta');
    fireEvent.change(screen.getByLabelText('Egen eller ekstern'), { target: { value: 'external' } });
    expect(missingItems()).toEqual([
      'Minst én læringsarena må være kommunens egen: en vesentlig del av utdanningen skal kunne gjennomføres i kommunen',
      'Den eksterne læringsarenaen «Legevakta» mangler avtale med samarbeidspartneren',
      'Den eksterne læringsarenaen «Legevakta» mangler navn på samarbeidspartner',
    ]);
    type('Samarbeidspartner', 'Interkommunal legevakt');
    fireEvent.click(screen.getByLabelText('Avtale med samarbeidspartneren er på plass'));
    expect(missingItems()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Legg til læringsarena' }));
    const names = screen.getAllByLabelText('Navn på læringsarena', { exact: true });
    fireEvent.change(names[1] as HTMLElement, { target: { value: 'Herøy legekontor' } });
    expect(within(checklist()).getByTestId('checklist-complete')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Lagre søknaden' }));
    await screen.findByText('Søknaden er lagret');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/municipalities/1818/registration?specialty=ALM');
    expect(init?.method).toBe('PATCH');
    expect(init?.headers).toMatchObject({ 'if-match': '"v2"' });
    expect(JSON.parse(init?.body as string)).toEqual({
      responsibleName: 'Kari Nordmann',
      educationPlanUrl: 'https://heroy.kommune.no/alis',
      supervisionArrangement: 'Individuell veileder.',
      learningArenas: [
        { name: 'Legevakta', kind: 'external', partner: 'Interkommunal legevakt', agreementInPlace: true },
        { name: 'Herøy legekontor', kind: 'own', partner: null, agreementInPlace: false },
      ],
    });
  });

  it('marks an arena without a name and does not save', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    renderForm(fetchMock);
    fireEvent.click(screen.getByRole('button', { name: 'Legg til læringsarena' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lagre søknaden' }));
    await screen.findByText('Skriv inn navnet på læringsarenaen');
    expect(screen.getByLabelText('Navn på læringsarena').getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('RegistrationTransitions', () => {
  signInForEachTest();

  it('asks for confirmation and shows a 422 plainly, in Norwegian', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () =>
      problemResponse(422, 'unprocessable', {
        detail: 'The application is not complete; see errors for what is missing.',
        errors: draftRegistration.missingForApplication,
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RegistrationTransitions registration={draftRegistration} etag={'"v2"'} blockedByUnsavedChanges={false} />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send søknad' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/Status endres fra «Under forberedelse» til «Søkt»/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send søknad' }));
    const error = await within(dialog).findByTestId('transition-error');
    expect(within(error).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Utdanningsansvarlig er ikke oppgitt',
      'Lenke til generell utdanningsplan mangler',
      'Hvordan veiledning og supervisjon er organisert, er ikke beskrevet',
      'Minst én læringsarena må være oppgitt',
    ]);
    const [url, init] = fetchMock.mock.calls.find(([called]) => typeof called === 'string' && called.includes('/transitions')) ?? [];
    expect(url).toBe('/api/v1/municipalities/1818/registration/transitions?specialty=ALM');
    expect(JSON.parse(init?.body as string)).toEqual({ to: 'applied' });
    expect(init?.headers).toMatchObject({ 'if-match': '"v2"' });
  });

  it('waits for unsaved changes to be saved', () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>());
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RegistrationTransitions registration={draftRegistration} etag={'"v2"'} blockedByUnsavedChanges />
      </QueryClientProvider>,
    );
    expect(screen.getByRole('button', { name: 'Send søknad' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Lagre endringene i søknaden før du endrer status.')).toBeTruthy();
  });
});
