import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { activeAgreement } from '../../../test/fixtures';
import { NonCountingPeriodsSection } from './non-counting-periods-section';
import { PositionHistorySection } from './position-history-section';

const rows = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));

describe('the agreement over time', () => {
  it('lists the periods in which the service did not count, an open one "fra"', () => {
    const agreement = { ...activeAgreement, nonCountingPeriods: [{ from: '2024-01-01', to: '2024-03-31' }, { from: '2025-01-01', to: null }] };
    render(
      <MemoryRouter>
        <NonCountingPeriodsSection agreement={agreement} />
      </MemoryRouter>,
    );
    const section = screen.getByRole('region', { name: 'Perioder der tjenesten ikke teller' });
    expect(within(section).getByText(/verken søkt om eller fått registrering som utdanningsvirksomhet/)).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Se registreringen til Herøy (Nordland)' }).getAttribute('href')).toBe('/kommuner/1818');
    expect(rows('non-counting-periods')).toEqual([
      ['01.01.2024–31.03.2024', '91'],
      ['fra 01.01.2025', 'pågår'],
    ]);
  });

  it('says so when the service has counted all along', () => {
    render(
      <MemoryRouter>
        <NonCountingPeriodsSection agreement={activeAgreement} />
      </MemoryRouter>,
    );
    expect(screen.getByText('Tjenesten har telt i hele perioden.')).toBeTruthy();
    expect(screen.queryByTestId('non-counting-periods')).toBeNull();
  });

  it('shows the share over time, oldest first, with the one that holds now', () => {
    const agreement = {
      ...activeAgreement,
      positionPercent: 50,
      positionHistory: [
        { from: '2024-01-01', percent: 100 },
        { from: '2025-01-01', percent: 50 },
      ],
    };
    render(<PositionHistorySection agreement={agreement} />);
    expect(screen.getByRole('region', { name: 'Stillingsandel over tid' })).toBeTruthy();
    expect(rows('position-history')).toEqual([
      ['01.01.2024–31.12.2024', '100 %'],
      ['fra 01.01.2025', '50 % (nå)'],
    ]);
  });
});
