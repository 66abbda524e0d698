import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../../lib/session';
import { problemResponse } from '../../../test/fixtures';
import { LoginForm } from './login-form';

function submitLogin(response: Response) {
  vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(response));
  render(
    <QueryClientProvider client={new QueryClient()}>
      <LoginForm onSuccess={() => undefined} />
    </QueryClientProvider>,
  );
  fireEvent.change(screen.getByLabelText('E-post'), { target: { value: 'ada@example.no' } });
  fireEvent.change(screen.getByLabelText('Passord'), { target: { value: 'feil-passord' } });
  fireEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
}

describe('LoginForm', () => {
  afterEach(() => session.clear());

  it('says the credentials are wrong on 401', async () => {
    submitLogin(problemResponse(401, 'invalid_credentials', { detail: 'Wrong e-mail or password.' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Feil e-post eller passord');
  });

  it('says how long to wait on 429', async () => {
    submitLogin(problemResponse(429, 'rate_limited', {}, { 'retry-after': '37' }));
    expect((await screen.findByRole('alert')).textContent).toBe('For mange forsøk, prøv igjen om 37 sekunder');
  });
});
