import type { StaffRole } from '@alis/shared';
import { ADMIN_ROLES, CASEWORK_ROLES } from '../../lib/roles';

export interface NavItem {
  to: string;
  label: string;
  /** Roles that see the item; everyone when absent. */
  roles?: readonly StaffRole[];
}

/** The main navigation; features add their entries here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/oppgaver', label: 'Mine oppgaver', roles: ['office', 'admin'] },
  { to: '/kommuner', label: 'Kommuner' },
  { to: '/avtaler', label: 'Avtaler', roles: CASEWORK_ROLES },
  { to: '/leger', label: 'Leger', roles: CASEWORK_ROLES },
  { to: '/veiledere', label: 'Veiledere', roles: CASEWORK_ROLES },
  { to: '/tilskudd', label: 'Tilskudd' },
  { to: '/kurs', label: 'Kurs', roles: CASEWORK_ROLES },
  { to: '/oppfolging', label: 'Oppfølging', roles: CASEWORK_ROLES },
  { to: '/import', label: 'Import', roles: CASEWORK_ROLES },
  { to: '/oversikt', label: 'Oversikt' },
  { to: '/brukere', label: 'Brukere', roles: ADMIN_ROLES },
  { to: '/klienter', label: 'API-klienter', roles: ADMIN_ROLES },
];

export const navItemsFor = (role: StaffRole) => NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
