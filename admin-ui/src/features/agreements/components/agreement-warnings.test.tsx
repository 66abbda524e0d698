import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AgreementWarnings } from './agreement-warnings';

describe('AgreementWarnings', () => {
  it("shows each warning in Norwegian, never the API's English message", () => {
    render(
      <AgreementWarnings
        warnings={[
          { code: 'no_active_veileder', message: 'The ALIS has no active veileder.', params: { date: '2025-01-01' } },
          { code: 'ends_within_6_months', message: 'The agreement ends on 2025-03-01, within six months.', params: { plannedEndDate: '2025-03-01' } },
        ]}
      />,
    );
    const section = screen.getByTestId('agreement-warnings');
    expect(within(section).getByRole('heading').textContent).toBe('Avtalen har 2 varsler');
    const items = within(section).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('p')?.textContent)).toEqual([
      'ALIS-en har ingen aktiv veileder.',
      'Avtalen slutter 01.03.2025, innen seks måneder.',
    ]);
    expect(section.textContent).not.toContain('The agreement ends on');
    expect(section.textContent).not.toContain('The ALIS has no active veileder');
  });

  it('shows nothing without warnings', () => {
    const { container } = render(<AgreementWarnings warnings={[]} />);
    expect(container.textContent).toBe('');
  });
});
