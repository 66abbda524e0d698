import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../../lib/session';
import { kariDoctor, loginBody, problemResponse } from '../../../test/fixtures';
import { DoctorCreateForm } from './doctor-create-form';

describe('DoctorCreateForm', () => {
  beforeEach(() => {
    session.start(loginBody('tok'));
    return () => session.clear();
  });

  it('explains a duplicate HPR number (409) with a link to the existing doctor', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () =>
        problemResponse(409, 'already_exists', { detail: 'HPR number 1234567 is already registered as Kari Lege.', existingId: kariDoctor.id }),
      ),
    );
    const onUseExisting = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <DoctorCreateForm onCreated={() => undefined} onUseExisting={onUseExisting} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByLabelText('HPR-nummer'), { target: { value: '001234567' } });
    fireEvent.change(screen.getByLabelText('Navn'), { target: { value: 'Kari Lege' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrer lege' }));
    await screen.findByText('Det finnes allerede en lege med HPR-nummer 1234567.');
    expect(screen.getByRole('link', { name: 'Gå til legen' }).getAttribute('href')).toBe(`/leger/${kariDoctor.id}`);
    fireEvent.click(screen.getByRole('button', { name: 'Bruk denne legen' }));
    expect(onUseExisting).toHaveBeenCalledWith(kariDoctor.id);
  });
});
