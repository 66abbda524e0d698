import { describe, expect, it } from 'vitest';
import { navItemsFor } from './nav-items';

describe('main navigation', () => {
  it('shows offices and admins the case work', () => {
    expect(navItemsFor('office').map((item) => item.label)).toEqual(['Mine oppgaver', 'Kommuner', 'Avtaler', 'Leger', 'Veiledere', 'Tilskudd', 'Kurs', 'Oppfølging', 'Import', 'Oversikt']);
    expect(navItemsFor('admin').map((item) => item.label)).toEqual(['Mine oppgaver', 'Kommuner', 'Avtaler', 'Leger', 'Veiledere', 'Tilskudd', 'Kurs', 'Oppfølging', 'Import', 'Oversikt', 'Brukere', 'API-klienter']);
  });

  it('hides agreements, doctors and supervisors from the directorate (the API answers 403 there)', () => {
    expect(navItemsFor('directorate').map((item) => item.label)).toEqual(['Kommuner', 'Tilskudd', 'Oversikt']);
  });
});
