import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { kariDoctor, problemResponse } from '../../../test/fixtures';
import { signInForEachTest } from '../../../test/helpers';
import { DoctorCreateForm } from './doctor-create-form';

describe('DoctorCreateForm', () => {
  signInForEachTest();

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

  it('shows the API\'s refusal of a LIS1 date after the specialist approval beside the field, in Norwegian', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () =>
        problemResponse(400, 'validation_failed', {
          errors: [
            {
              path: 'lis1CompletedOn',
              code: 'too_late',
              message: 'must not be after the specialist approval (2020-05-01)',
              params: { latest: '2020-05-01', reference: 'specialistApprovedOn' },
            },
          ],
        }),
      ),
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <DoctorCreateForm onCreated={() => undefined} onUseExisting={() => undefined} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByLabelText('HPR-nummer'), { target: { value: '1234567' } });
    fireEvent.change(screen.getByLabelText('Navn'), { target: { value: 'Kari Lege' } });
    fireEvent.change(screen.getByLabelText('LIS1 fullført'), { target: { value: '2021-08-31' } });
    fireEvent.change(screen.getByLabelText('Spesialistgodkjent'), { target: { value: '2020-05-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrer lege' }));
    const field = screen.getByLabelText('LIS1 fullført');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${field.id}-error`)?.textContent).toBe(
      'Kan ikke være etter spesialistgodkjenningen (01.05.2020): LIS1 fullføres før legen blir spesialist',
    );
    expect(document.activeElement).toBe(field);
  });
});
