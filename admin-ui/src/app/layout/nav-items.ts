import type { StaffRole } from '@alis/shared';

export interface NavItem {
  to: string;
  label: string;
  /** Roles that see the item; everyone when absent. */
  roles?: readonly StaffRole[];
}

/** The main navigation; features add their entries here. */
export const NAV_ITEMS: readonly NavItem[] = [{ to: '/kommuner', label: 'Kommuner' }];

export const navItemsFor = (role: StaffRole) => NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
