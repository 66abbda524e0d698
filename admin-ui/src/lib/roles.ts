import type { StaffRole } from '@alis/shared';

/**
 * Roles that work with agreements, doctors and supervisors. The directorate reads registrations
 * and aggregate reports, not the cases behind them: the API answers 403 there.
 */
export const CASEWORK_ROLES: readonly StaffRole[] = ['admin', 'office'];

/** Roles that write a municipality's registration application (the directorate decides on it). */
export const APPLICATION_EDITOR_ROLES: readonly StaffRole[] = ['admin', 'office'];

/** Users, API clients and reference data are the administrators'. */
export const ADMIN_ROLES: readonly StaffRole[] = ['admin'];
