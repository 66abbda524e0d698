import { describe, expect, it } from 'vitest';
import { navItemsFor } from './nav-items';

describe('main navigation', () => {
  it('shows offices and admins the case work', () => {
    expect(navItemsFor('office').map((item) => item.label)).toEqual(['Kommuner', 'Avtaler', 'Leger', 'Veiledere', 'Tilskudd']);
    expect(navItemsFor('admin').map((item) => item.label)).toEqual(['Kommuner', 'Avtaler', 'Leger', 'Veiledere', 'Tilskudd', 'Brukere', 'API-klienter']);
  });

  it('hides agreements, doctors and supervisors from the directorate (the API answers 403 there)', () => {
    expect(navItemsFor('directorate').map((item) => item.label)).toEqual(['Kommuner', 'Tilskudd']);
  });
});
