import type { StaffRole } from '@alis/shared';

/** Who prepares, edits, sends and withdraws applications in the app (the municipalities use the API). */
export const GRANT_WRITER_ROLES: readonly StaffRole[] = ['admin', 'office'];
/** Who decides, pays and records the auditor's certificate. */
export const GRANT_DECIDER_ROLES: readonly StaffRole[] = ['admin', 'directorate'];
